package io.dlkit.plugins.rnn.pipeline;

import io.dlkit.api.model.ModelStore;
import io.dlkit.backend.io.NdArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A model store whose one model has a given description, input steps, outputs and function. */
final class StubModels implements ModelStore {
    private final Map<String, Object> description;
    private final int steps;
    private final int outputs;
    private final Function<float[], float[]> rowOutputs;
    final List<Path> opened = new ArrayList<>();

    /** Models made by {@link #create}: their input steps by directory. */
    final Map<Path, Integer> created = new java.util.HashMap<>();

    StubModels(
            Map<String, Object> description,
            int steps,
            int outputs,
            Function<float[], float[]> rowOutputs) {
        this.description = description;
        this.steps = steps;
        this.outputs = outputs;
        this.rowOutputs = rowOutputs;
    }

    @Override
    public LoadedModel open(Path dir) {
        opened.add(dir);
        return new LoadedModel() {
            @Override
            public long[] inputShape() {
                return new long[] {created.getOrDefault(dir, steps)};
            }

            @Override
            public int outputs() {
                return outputs;
            }

            @Override
            public List<String> classNames() {
                return List.of();
            }

            @Override
            public float[] predict(float[] features, int rows) {
                List<float[]> out = new ArrayList<>();
                int size = features.length / rows;
                int width = 0;
                for (int i = 0; i < rows; i++) {
                    float[] row = new float[size];
                    System.arraycopy(features, i * size, row, 0, size);
                    out.add(rowOutputs.apply(row));
                    width = out.get(i).length;
                }
                float[] y = new float[rows * width];
                for (int i = 0; i < rows; i++) System.arraycopy(out.get(i), 0, y, i * width, width);
                return y;
            }

            @Override
            public Map<String, NdArray> weights() {
                return Map.of();
            }

            @Override
            public Map<String, Object> description() {
                return description;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void create(
            Path dir,
            Map<String, Object> config,
            Map<String, NdArray> weights,
            Map<String, Object> metadata) {
        created.put(dir, ((Number) ((List<?>) config.get("input_shape")).get(0)).intValue());
    }
}
