package io.dlkit.plugins.cnnzoo.keras;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.plugins.cnnzoo.keras.KerasModels.Unit;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Reads a Keras weights file as the weights of a dlkit model: {@code read(file, modelConfig)} gives
 * every variable of the model ({@code block1_conv1_kernel}, {@code conv2_block1_out_conv1_gamma},
 * ...) its value from the file, ready for {@link io.dlkit.api.model.ModelStore#create}.
 *
 * <p>Layers are matched by name in a Keras 2 {@code .h5} file and by their position among the
 * layers of their class in a Keras 3 {@code .weights.h5} file ({@link KerasModels} says which Keras
 * layer each dlkit layer is); every weight's shape must equal the variable's. The file may not hold
 * layers with weights that the model lacks.
 */
public final class KerasWeights {
    private KerasWeights() {}

    /**
     * The weights of the model {@code modelConfig} describes, by variable name, from {@code file}.
     *
     * @param file a Keras 2 {@code .h5}, Keras 3 {@code .weights.h5} or {@code .keras} file
     * @param modelConfig a model file's content ({@code input_shape}, {@code layers}), e.g. {@code
     *     ZooArchitectures.config("vgg16", spec)}
     * @throws DlkitException (exit 2) with a one-line message for a file that is missing, not HDF5
     *     or not Keras weights, a layer missing from the file or one the model lacks, a wrong
     *     shape, a model layer with weights but no Keras counterpart, or a model configuration
     *     dlkit cannot build
     */
    public static Map<String, NdArray> read(Path file, Map<String, Object> modelConfig) {
        requireNonNull(file, "file is null");
        requireNonNull(modelConfig, "modelConfig is null");
        Plan plan = plan(modelConfig);
        try (KerasFile keras = KerasFile.open(file)) {
            return new WeightMapping(keras, plan.shapes()).map(plan.units());
        } catch (HdfException e) {
            throw KerasFile.damaged(file, e);
        }
    }

    /**
     * What a model needs from a Keras file.
     *
     * @param shapes the model's variables by name, in creation order, with their shapes
     * @param units its layers with weights and their Keras counterparts, in Keras order
     */
    record Plan(Map<String, long[]> shapes, List<Unit> units) {}

    /** Builds the model on a CPU graph, only for its variables' names and shapes: nothing runs. */
    static Plan plan(Map<String, Object> modelConfig) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            Sequential model = Sequential.fromConfig(modelConfig);
            model.forward(g, input(g, model.inputShape()), g.tf().constant(false));
            Map<String, long[]> shapes = new LinkedHashMap<>();
            for (WeightVariable<TFloat32> v : model.variables()) {
                shapes.put(v.name(), v.variable().shape().asArray());
            }
            return new Plan(shapes, KerasModels.units(model));
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    private static Placeholder<TFloat32> input(GraphContext g, long[] inputShape) {
        long[] dims = new long[inputShape.length + 1];
        dims[0] = -1;
        System.arraycopy(inputShape, 0, dims, 1, inputShape.length);
        return g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(dims)));
    }
}
