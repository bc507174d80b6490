package io.dlkit.api.model;

import io.dlkit.backend.io.NdArray;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes dlkit model directories (DESIGN.md section 6) for plugins: open a trained model
 * to predict with it, or create one from imported weights. Inject it into an extension.
 */
public interface ModelStore {
    /**
     * Opens a model directory on the device the user chose, with its weights restored.
     *
     * @throws io.dlkit.api.DlkitException (exit 2) naming what is missing or malformed
     */
    LoadedModel open(Path dir);

    /**
     * Writes a new model directory from a model configuration (a model file's {@code model:}
     * section: {@code input_shape} and {@code layers}) and weights by variable name ({@code
     * block1_conv1_kernel}); every variable the model creates must be given with its exact shape.
     *
     * @param metadata extra entries for model.yaml ({@code class_names}, {@code normalization},
     *     {@code source})
     * @throws io.dlkit.api.DlkitException (exit 2) naming a missing or mis-shaped weight
     */
    void create(
            Path dir,
            Map<String, Object> modelConfig,
            Map<String, NdArray> weights,
            Map<String, Object> metadata);

    /** A model ready to predict; close it when done. */
    interface LoadedModel extends AutoCloseable {
        /** The input shape without the batch dimension. */
        long[] inputShape();

        /** The number of outputs per sample. */
        int outputs();

        /** Class names, in output order (empty when unknown). */
        List<String> classNames();

        /**
         * The model's activated outputs for {@code rows} samples given as raw features (before the
         * model's stored input normalization, which this applies), row-major.
         */
        float[] predict(float[] features, int rows);

        /** model.yaml's content. */
        Map<String, Object> description();

        @Override
        void close();
    }
}
