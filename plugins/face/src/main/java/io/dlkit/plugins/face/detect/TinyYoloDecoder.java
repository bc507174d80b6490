package io.dlkit.plugins.face.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the tiny face detector's output into face boxes, as face-api's {@code extractBoxes} and
 * {@code nonMaxSuppression} do. For cell {@code (row, col)} of {@code n x n} and anchor {@code (aw,
 * ah)}:
 *
 * <pre>
 * score = sigmoid(t_o)                       kept when above the threshold
 * cx = (col + sigmoid(tx)) / n * kx          cy = (row + sigmoid(ty)) / n * ky
 * w  = exp(tw) * aw / n * kx                 h  = exp(th) * ah / n * ky
 * </pre>
 *
 * where {@code kx, ky} = inputSize / the resized image's width, height (undoing the square
 * padding). Then greedy NMS with IoU threshold 0.4 (boxes compared in input pixels), best first.
 */
public final class TinyYoloDecoder {
    /** face-api's tiny face detector anchors, in cells: (width, height). */
    public static final double[][] ANCHORS = {
        {1.603231, 2.094468},
        {6.041143, 7.080126},
        {2.882459, 3.518061},
        {4.266906, 5.178857},
        {9.041765, 10.66308}
    };

    /** The NMS IoU threshold. */
    public static final double IOU_THRESHOLD = 0.4;

    private TinyYoloDecoder() {}

    /**
     * The faces in an image of {@code width x height}.
     *
     * @param out the flattened {@code [n, n, 5 * 5]} output
     * @param inputSize the side the padded image was resized to
     */
    public static List<FaceBox> faces(
            float[] out, int inputSize, int width, int height, double scoreThreshold) {
        int anchors = ANCHORS.length;
        int n = (int) Math.round(Math.sqrt(out.length / (5.0 * anchors)));
        double scale = (double) inputSize / Math.max(width, height);
        double kx = inputSize / (double) Math.round(width * scale);
        double ky = inputSize / (double) Math.round(height * scale);
        List<FaceBox> found = new ArrayList<>();
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                for (int a = 0; a < anchors; a++) {
                    int o = ((row * n + col) * anchors + a) * 5;
                    double score = sigmoid(out[o + 4]);
                    if (score <= scoreThreshold) {
                        continue;
                    }
                    double cx = (col + sigmoid(out[o])) / n * kx;
                    double cy = (row + sigmoid(out[o + 1])) / n * ky;
                    double w = Math.exp(out[o + 2]) * ANCHORS[a][0] / n * kx;
                    double h = Math.exp(out[o + 3]) * ANCHORS[a][1] / n * ky;
                    found.add(new FaceBox(cx - w / 2, cy - h / 2, w, h, score));
                }
            }
        }
        List<FaceBox> kept = nms(found);
        List<FaceBox> faces = new ArrayList<>();
        for (FaceBox b : kept) {
            faces.add(
                    new FaceBox(
                            b.x() * width,
                            b.y() * height,
                            b.width() * width,
                            b.height() * height,
                            b.score()));
        }
        return faces;
    }

    static List<FaceBox> nms(List<FaceBox> boxes) {
        List<FaceBox> left = new ArrayList<>(boxes);
        left.sort(Comparator.comparingDouble(FaceBox::score).reversed());
        List<FaceBox> kept = new ArrayList<>();
        while (!left.isEmpty()) {
            FaceBox best = left.remove(0);
            kept.add(best);
            left.removeIf(b -> overlap(best, b) > IOU_THRESHOLD);
        }
        return kept;
    }

    private static double overlap(FaceBox a, FaceBox b) {
        double w = Math.max(0, Math.min(a.right(), b.right()) - Math.max(a.x(), b.x()));
        double h = Math.max(0, Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y()));
        double inter = w * h;
        return inter / (a.width() * a.height() + b.width() * b.height() - inter);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
