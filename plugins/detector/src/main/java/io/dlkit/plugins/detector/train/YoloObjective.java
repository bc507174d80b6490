package io.dlkit.plugins.detector.train;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Objective;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.SplitV;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The YOLOv2 loss (Darknet's {@code [region]} with {@code bias_match=1}, {@code softmax=1}, squared
 * errors, no rescore). The model's raw output {@code t} is {@code [m, S, S, B, 5 + C]}; the targets
 * are {@link io.dlkit.plugins.detector.yolo.YoloTargets}' {@code yolo_target} (same shape) and
 * {@code yolo_mask} ({@code [m, S, S, B]}, 1 where a ground-truth box was assigned: the cell of its
 * centre, the anchor of best IoU). With {@code 1_obj} the mask, per image:
 *
 * <pre>
 * coord   = l_coord   sum 1_obj [(sig(t_x) - x)^2 + (sig(t_y) - y)^2 + (t_w - w)^2 + (t_h - h)^2]
 * obj     = l_obj     sum 1_obj (sig(t_o) - 1)^2
 * noobj   = l_noobj   sum (1 - 1_obj) sig(t_o)^2
 * class   = l_class   sum 1_obj sum_c (softmax(l)_c - onehot_c)^2
 * loss    = mean over the batch of (coord + obj + noobj + class)
 * </pre>
 *
 * The scales default to Darknet's {@code coord_scale=1}, {@code object_scale=5}, {@code
 * noobject_scale=1}, {@code class_scale=1}. The four terms are also reported as metrics.
 */
public final class YoloObjective implements Objective {
    /** The id {@code --loss} takes. */
    public static final String ID = "yolov2";

    /** The grid target's name. */
    public static final String TARGET = "yolo_target";

    /** The object mask's name. */
    public static final String MASK = "yolo_mask";

    private final int grid;
    private final int anchors;
    private final int classes;
    private final Scales scales;

    /**
     * The weights of the four terms.
     *
     * @param coord {@code l_coord}
     * @param object {@code l_obj}
     * @param noObject {@code l_noobj}
     * @param classes {@code l_class}
     */
    public record Scales(double coord, double object, double noObject, double classes) {
        /** Darknet's YOLOv2 values: 1, 5, 1, 1. */
        public static final Scales DARKNET = new Scales(1, 5, 1, 1);
    }

    /** The loss of an {@code S x S} grid with {@code B} anchors and {@code C} classes. */
    public YoloObjective(int grid, int anchors, int classes, Scales scales) {
        if (grid < 1 || anchors < 1 || classes < 1) {
            throw new IllegalArgumentException(
                    "grid, anchors and classes must be >= 1, got "
                            + grid
                            + ", "
                            + anchors
                            + ", "
                            + classes);
        }
        this.grid = grid;
        this.anchors = anchors;
        this.classes = classes;
        this.scales = scales;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "YOLOv2: l_coord * box + l_obj * objectness + l_noobj * no-object + l_class * classes"
                + " (squared errors)";
    }

    @Override
    public boolean classification() {
        return false;
    }

    @Override
    public List<String> metricNames() {
        return List.of("coord_loss", "obj_loss", "noobj_loss", "class_loss");
    }

    @Override
    public Map<String, long[]> targetShapes() {
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put(TARGET, new long[] {grid, grid, anchors, 5 + classes});
        m.put(MASK, new long[] {grid, grid, anchors});
        return m;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Loss build(GraphContext graph, Inputs inputs) {
        Ops tf = graph.tf();
        Operand<TFloat32> out = inputs.output().output();
        long[] shape = out.shape().asArray();
        if (shape.length != 5 || shape[4] != 5 + classes || shape[3] != anchors) {
            throw new IllegalArgumentException(
                    "the yolov2 loss needs an output [batch, S, S, "
                            + anchors
                            + ", "
                            + (5 + classes)
                            + "] (end the model with yolo_grid), got "
                            + java.util.Arrays.toString(shape));
        }
        int width = 5 + classes;
        Operand<TFloat32> t = tf.reshape(out, tf.constant(new int[] {-1, width}));
        Operand<TFloat32> target =
                tf.reshape(
                        (Operand<TFloat32>) inputs.target(TARGET),
                        tf.constant(new int[] {-1, width}));
        Operand<TFloat32> obj =
                tf.reshape((Operand<TFloat32>) inputs.target(MASK), tf.constant(new int[] {-1, 1}));
        Operand<TFloat32> noObj = tf.math.sub(tf.constant(1f), obj);
        List<Operand<TFloat32>> p = split(tf, t);
        List<Operand<TFloat32>> g = split(tf, target);
        Operand<TFloat32> xy = sse(tf, tf.math.sigmoid(p.get(0)), g.get(0), obj);
        Operand<TFloat32> wh = sse(tf, p.get(1), g.get(1), obj);
        Operand<TFloat32> conf = tf.math.sigmoid(p.get(2));
        Operand<TFloat32> objLoss = sse(tf, conf, tf.constant(1f), obj);
        Operand<TFloat32> noObjLoss = sse(tf, conf, tf.constant(0f), noObj);
        Operand<TFloat32> classLoss = sse(tf, tf.nn.softmax(p.get(3)), g.get(3), obj);
        Operand<TFloat32> images = batchSize(tf, out);
        Operand<TFloat32> coord = perImage(tf, tf.math.add(xy, wh), scales.coord(), images);
        Operand<TFloat32> o = perImage(tf, objLoss, scales.object(), images);
        Operand<TFloat32> n = perImage(tf, noObjLoss, scales.noObject(), images);
        Operand<TFloat32> c = perImage(tf, classLoss, scales.classes(), images);
        Operand<TFloat32> loss = tf.withName("yolo_loss").math.addN(List.of(coord, o, n, c));
        Map<String, Operand<TFloat32>> metrics = new LinkedHashMap<>();
        metrics.put("coord_loss", coord);
        metrics.put("obj_loss", o);
        metrics.put("noobj_loss", n);
        metrics.put("class_loss", c);
        return new Loss(loss, metrics);
    }

    /** Columns {@code [x y] [w h] [o] [classes]} of a {@code [rows, 5 + C]} tensor. */
    private List<Operand<TFloat32>> split(Ops tf, Operand<TFloat32> rows) {
        SplitV<TFloat32> s =
                tf.splitV(rows, tf.constant(new int[] {2, 2, 1, classes}), tf.constant(1), 4L);
        return s.output().stream().map(o -> (Operand<TFloat32>) o).toList();
    }

    /** {@code sum(mask * (a - b)^2)} over every element. */
    private static Operand<TFloat32> sse(
            Ops tf, Operand<TFloat32> a, Operand<TFloat32> b, Operand<TFloat32> mask) {
        Operand<TFloat32> d = tf.math.mul(tf.math.squaredDifference(a, b), mask);
        return tf.sum(d, tf.constant(new int[] {0, 1}));
    }

    private static Operand<TFloat32> perImage(
            Ops tf, Operand<TFloat32> sum, double scale, Operand<TFloat32> images) {
        return tf.math.div(tf.math.mul(sum, tf.constant((float) scale)), images);
    }

    private static Operand<TFloat32> batchSize(Ops tf, Operand<TFloat32> out) {
        Operand<TInt32> first =
                tf.gather(tf.shape(out), tf.constant(new int[] {0}), tf.constant(0));
        return tf.reshape(tf.dtypes.cast(first, TFloat32.class), tf.constant(new int[0]));
    }
}
