package io.dlkit.testkit;

import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.backend.io.NdArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link ModelStore} without TensorFlow for tests of commands and steps that use models: every
 * directory opens as one model whose outputs a function computes from each sample's features (a
 * directory whose name contains {@code missing} fails as a missing one does); it records what it
 * was fed, what it opened, whether the model was closed, and what {@link #create} was given.
 */
public final class FakeModelStore implements ModelStore {
    private final List<float[]> fed = new ArrayList<>();
    private final List<Path> opened = new ArrayList<>();
    private final List<Created> created = new ArrayList<>();
    private final long[] inputShape;
    private final int outputs;
    private final List<String> classNames;
    private final Function<float[], float[]> outputsOf;
    private boolean closed;

    /**
     * @param inputShape the model's input shape without the batch dimension
     * @param outputs the outputs per sample
     * @param classNames class names in output order (may be empty)
     * @param outputsOf one sample's outputs from its features
     */
    public FakeModelStore(
            long[] inputShape,
            int outputs,
            List<String> classNames,
            Function<float[], float[]> outputsOf) {
        this.inputShape = inputShape.clone();
        this.outputs = outputs;
        this.classNames = List.copyOf(classNames);
        this.outputsOf = outputsOf;
    }

    /** A store for code that only creates models. */
    public FakeModelStore() {
        this(new long[] {1}, 1, List.of(), x -> new float[1]);
    }

    /** What {@link #create} was given. */
    public record Created(
            Path dir,
            Map<String, Object> config,
            Map<String, NdArray> weights,
            Map<String, Object> metadata) {}

    /** Each sample fed to a model's predict, in order. */
    public List<float[]> fed() {
        return List.copyOf(fed);
    }

    /** The directories opened, in order. */
    public List<Path> opened() {
        return List.copyOf(opened);
    }

    /** Whether the last opened model was closed. */
    public boolean closed() {
        return closed;
    }

    /** The models created, in order. */
    public List<Created> created() {
        return List.copyOf(created);
    }

    @Override
    public LoadedModel open(Path dir) {
        if (dir.toString().contains("missing")) {
            throw DlkitException.invalidInput(dir + ": no such model directory");
        }
        opened.add(dir);
        closed = false;
        return new LoadedModel() {
            @Override
            public long[] inputShape() {
                return inputShape.clone();
            }

            @Override
            public int outputs() {
                return outputs;
            }

            @Override
            public List<String> classNames() {
                return classNames;
            }

            @Override
            public float[] predict(float[] features, int rows) {
                int size = features.length / rows;
                float[] y = new float[rows * outputs];
                for (int i = 0; i < rows; i++) {
                    float[] x = Arrays.copyOfRange(features, i * size, (i + 1) * size);
                    fed.add(x);
                    System.arraycopy(outputsOf.apply(x), 0, y, i * outputs, outputs);
                }
                return y;
            }

            @Override
            public Map<String, Object> description() {
                return Map.of();
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    @Override
    public void create(
            Path dir,
            Map<String, Object> modelConfig,
            Map<String, NdArray> weights,
            Map<String, Object> metadata) {
        created.add(new Created(dir, modelConfig, weights, metadata));
    }
}
