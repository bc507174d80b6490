package io.dlkit.plugins.cnnzoo.classify;

import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.backend.io.NdArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link ModelStore} without TensorFlow: one model whose outputs a function computes from the
 * features of each image, recording what it was given and whether it was closed.
 */
final class FakeModelStore implements ModelStore {
    final List<float[]> fed = new ArrayList<>();
    final List<Path> opened = new ArrayList<>();
    boolean closed;
    private final long[] inputShape;
    private final int outputs;
    private final List<String> classNames;
    private final Function<float[], float[]> outputsOf;

    FakeModelStore(
            long[] inputShape,
            int outputs,
            List<String> classNames,
            Function<float[], float[]> outputsOf) {
        this.inputShape = inputShape;
        this.outputs = outputs;
        this.classNames = classNames;
        this.outputsOf = outputsOf;
    }

    @Override
    public LoadedModel open(Path dir) {
        if (dir.toString().contains("missing")) {
            throw DlkitException.invalidInput(dir + ": no such model directory");
        }
        opened.add(dir);
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
                    float[] x = java.util.Arrays.copyOfRange(features, i * size, (i + 1) * size);
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
        throw new UnsupportedOperationException();
    }
}
