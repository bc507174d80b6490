package io.dlkit.plugins.detector.layers;

import io.dlkit.backend.nn.AbstractLayer;
import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.runtime.GraphContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * YOLOv2's output as the notes draw it (type {@code yolo_grid}, Darknet's {@code [region]}): the
 * last convolution's {@code [m, S_h, S_w, B (5 + C)]} viewed as {@code [m, S_h, S_w, B, 5 + C]},
 * raw (the decoder and the loss apply sigmoid, exp and softmax). Same values in the same order, no
 * variables. Config keys: {@code type}, {@code name}, {@code anchors} (B, required).
 */
public final class YoloGridLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "yolo_grid";

    private final int anchors;
    private long[] out;

    /**
     * @param name the name, or null to let the model name it
     * @param anchors the anchors per cell, B
     */
    public YoloGridLayer(String name, int anchors) {
        super(name);
        if (anchors < 1) throw new IllegalArgumentException("anchors must be >= 1, got " + anchors);
        this.anchors = anchors;
    }

    static YoloGridLayer fromConfig(ConfigReader r) {
        r.checkKeys("a " + TYPE + " layer", List.of("type", "name", "anchors"));
        return new YoloGridLayer(r.optName(), r.requireInt("anchors", 1, "a " + TYPE + " layer"));
    }

    /** B. */
    public int anchors() {
        return anchors;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("anchors", anchors);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] in) {
        if (in.length != 3 || in[2] % anchors != 0 || in[2] / anchors < 6) {
            throw new IllegalArgumentException(
                    TYPE
                            + " layer '"
                            + name()
                            + "' needs [S_h, S_w, B (5 + C)] with B = "
                            + anchors
                            + " and C >= 1, got "
                            + Arrays.toString(in)
                            + "; give the last conv2d B (5 + C) filters");
        }
        out = new long[] {in[0], in[1], anchors, in[2] / anchors};
        return out.clone();
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        return graph.tf()
                .reshape(
                        input,
                        graph.tf().constant(new long[] {-1, out[0], out[1], out[2], out[3]}));
    }
}
