package io.dlkit.api.model;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

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

    /**
     * Builds a trained model inside the caller's graph, on the caller's input, with its trained
     * weights: for feature access with gradients (neural style transfer puts a trainable image
     * variable before VGG and takes gradients to the pixels). The model's stored input
     * normalization is applied in the graph. Its variables (named as in the model, {@code
     * block1_conv1_kernel}) are created in {@code graph} and assigned their trained values; they
     * are marked as the model marks them, so pass your own list to an optimizer.
     *
     * @param input raw features, {@code [batch, inputShape...]}
     * @throws io.dlkit.api.DlkitException (exit 2) for a missing or malformed model directory
     */
    default GraphModel openInGraph(Path dir, GraphContext graph, Operand<TFloat32> input) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " cannot open a model in another graph");
    }

    /**
     * A model built in a caller's graph.
     *
     * @param output the activated output
     * @param layerOutputs every layer's output by layer name, in order ({@code [batch, shape...]})
     * @param variables the model's variables in the caller's graph
     */
    record GraphModel(
            Operand<TFloat32> output,
            Map<String, Operand<TFloat32>> layerOutputs,
            List<WeightVariable<TFloat32>> variables) {}

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

        /**
         * Runs the model up to the named layers and returns their outputs, each shaped {@code
         * [rows, layer output shape...]}, for {@code rows} samples of raw features.
         *
         * @throws IllegalArgumentException for an unknown layer name, listing the layers
         */
        default Map<String, NdArray> activations(float[] features, int rows, List<String> layers) {
            throw new UnsupportedOperationException("this model gives no activations");
        }

        /** The model's layer names, in order. */
        default List<String> layerNames() {
            throw new UnsupportedOperationException("this model does not list its layers");
        }

        /** The trained values of every variable by name ({@code conv1_kernel}). */
        default Map<String, NdArray> weights() {
            throw new UnsupportedOperationException("this model does not give its weights");
        }

        /** model.yaml's content. */
        Map<String, Object> description();

        @Override
        void close();
    }
}
