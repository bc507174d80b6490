package io.dlkit.plugins.detector.heads;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Objective;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.SplitV;
import org.tensorflow.types.TFloat32;

/**
 * Classification with localization, as the notes give it: one object per image, the target {@code y
 * = [p_c, b_x, b_y, b_h, b_w, c_1 .. c_C]} (box centre and size as fractions of the image, classes
 * one-hot) and the model's output {@code ŷ} of the same width, compared as it is (no sigmoid or
 * softmax). Per image
 *
 * <pre>
 * L = (ŷ_1 - y_1)^2 + y_1 * sum_{i >= 2} (ŷ_i - y_i)^2
 * </pre>
 *
 * which is the notes' "squared error over every component if p_c = 1, else only (ŷ_1 - y_1)^2" for
 * {@code p_c} in {0, 1}. The loss is the mean over the batch; the three parts ({@code p_c}, box,
 * classes) are reported as metrics. {@code C} is read from the output's width ({@code 5 + C}), so
 * one instance serves any number of classes. The targets come as {@code targets} ({@code [m, 5 +
 * C]}), see {@link LocalizationTargets}.
 */
public final class LocalizationObjective implements Objective {
    /** The id {@code --loss} takes. */
    public static final String ID = "localization";

    /** The notes' target layout: p_c, 4 box numbers, then the classes. */
    public static final int BOX_AND_PC = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "classification with localization: (p_c error)^2 + p_c * (box and class squared"
                + " errors), the notes' one-object loss";
    }

    @Override
    public boolean classification() {
        return false;
    }

    @Override
    public List<String> metricNames() {
        return List.of("pc_loss", "box_loss", "class_loss");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Loss build(GraphContext graph, Inputs inputs) {
        Ops tf = graph.tf();
        Operand<TFloat32> out = inputs.output().output();
        long[] shape = out.shape().asArray();
        if (shape.length != 2 || shape[1] < BOX_AND_PC + 1) {
            throw new IllegalArgumentException(
                    "the localization loss needs an output [batch, 5 + classes] (p_c, b_x, b_y,"
                            + " b_h, b_w, c_1..c_C) with at least one class, got "
                            + java.util.Arrays.toString(shape));
        }
        int classes = (int) shape[1] - BOX_AND_PC;
        Operand<TFloat32> y = inputs.floatTargets();
        List<Operand<TFloat32>> p = split(tf, out, classes);
        List<Operand<TFloat32>> g = split(tf, y, classes);
        Operand<TFloat32> present = g.get(0);
        Operand<TFloat32> pc = rowSum(tf, tf.math.squaredDifference(p.get(0), present));
        Operand<TFloat32> box =
                rowSum(tf, tf.math.mul(tf.math.squaredDifference(p.get(1), g.get(1)), present));
        Operand<TFloat32> cls =
                rowSum(tf, tf.math.mul(tf.math.squaredDifference(p.get(2), g.get(2)), present));
        Operand<TFloat32> pcLoss = tf.math.mean(pc, tf.constant(0));
        Operand<TFloat32> boxLoss = tf.math.mean(box, tf.constant(0));
        Operand<TFloat32> classLoss = tf.math.mean(cls, tf.constant(0));
        Operand<TFloat32> loss =
                tf.withName("localization_loss").math.addN(List.of(pcLoss, boxLoss, classLoss));
        Map<String, Operand<TFloat32>> metrics = new LinkedHashMap<>();
        metrics.put("pc_loss", pcLoss);
        metrics.put("box_loss", boxLoss);
        metrics.put("class_loss", classLoss);
        return new Loss(loss, metrics);
    }

    /** Columns {@code [p_c] [box] [classes]} of a {@code [m, 5 + C]} tensor. */
    @SuppressWarnings("unchecked")
    private static List<Operand<TFloat32>> split(Ops tf, Operand<TFloat32> rows, int classes) {
        SplitV<TFloat32> s =
                tf.splitV(rows, tf.constant(new int[] {1, 4, classes}), tf.constant(1), 3L);
        return s.output().stream().map(o -> (Operand<TFloat32>) o).toList();
    }

    private static Operand<TFloat32> rowSum(Ops tf, Operand<TFloat32> x) {
        return tf.sum(x, tf.constant(1));
    }
}
