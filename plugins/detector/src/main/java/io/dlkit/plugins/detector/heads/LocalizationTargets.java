package io.dlkit.plugins.detector.heads;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.labels.LabeledBox;
import java.util.List;

/**
 * The notes' one-object target {@code y = [p_c, b_x, b_y, b_h, b_w, c_1 .. c_C]} made from an
 * image's labels (boxes as fractions of the image): no box gives {@code p_c = 0} and zeros
 * elsewhere (the loss ignores them), one box gives {@code p_c = 1}, its centre, height, width and
 * its class one-hot. More than one box is an error: the head localizes one object, so such a set
 * needs a YOLO head or one crop per object.
 */
public final class LocalizationTargets {
    private final int classes;

    /** Targets for {@code classes} classes. */
    public LocalizationTargets(int classes) {
        if (classes < 1) throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        this.classes = classes;
    }

    /** The row width, {@code 5 + C}. */
    public int width() {
        return LocalizationObjective.BOX_AND_PC + classes;
    }

    /**
     * Writes image {@code row}'s target into {@code into}.
     *
     * @param where the image's name, for the error
     * @throws IllegalArgumentException naming {@code where} when it has more than one box or a
     *     class out of range
     */
    public void encodeInto(List<LabeledBox> boxes, float[] into, int row, String where) {
        int at = row * width();
        java.util.Arrays.fill(into, at, at + width(), 0f);
        if (boxes.isEmpty()) return;
        if (boxes.size() > 1) {
            throw new IllegalArgumentException(
                    where
                            + ": "
                            + boxes.size()
                            + " boxes, but the localization head takes at most one object per"
                            + " image; remove the extra labels or train a YOLO model");
        }
        LabeledBox b = boxes.get(0);
        if (b.classId() < 0 || b.classId() >= classes) {
            throw new IllegalArgumentException(
                    where + ": class " + b.classId() + " is outside 0.." + (classes - 1));
        }
        BoundingBox box = b.box();
        into[at] = 1f;
        into[at + 1] = box.centerX();
        into[at + 2] = box.centerY();
        into[at + 3] = box.height();
        into[at + 4] = box.width();
        into[at + LocalizationObjective.BOX_AND_PC + b.classId()] = 1f;
    }

    /** A prediction row read back: {@code p_c}, the box (fractions) and the best class. */
    public record Prediction(float objectness, BoundingBox box, int classId) {}

    /** Reads row {@code row} of a model's output. */
    public Prediction decode(float[] output, int row) {
        int at = row * width();
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (output[at + 5 + c] > output[at + 5 + best]) best = c;
        }
        BoundingBox box =
                BoundingBox.fromCenter(
                        output[at + 1], output[at + 2], output[at + 4], output[at + 3]);
        return new Prediction(output[at], box, best);
    }
}
