package io.dlkit.plugins.face.detect;

import io.dlkit.plugins.face.SsdMobileNetV1;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the SSD's raw output into face boxes, as face-api's {@code outputLayer} and {@code
 * nonMaxSuppression} do. For an anchor {@code (ymin, xmin, ymax, xmax)} with size {@code (ha, wa)}
 * and centre {@code (yc, xc)}, and an encoding {@code (ty, tx, th, tw)}:
 *
 * <pre>
 * y = ty / 10 * ha + yc      x = tx / 10 * wa + xc
 * h = exp(th / 5) * ha       w = exp(tw / 5) * wa         box = (y - h/2, x - w/2, y + h/2, x + w/2)
 * </pre>
 *
 * Then greedy NMS: candidates above {@code minConfidence}, best first; a candidate is dropped when
 * its IoU with a kept box exceeds 0.5; at most {@code maxResults}. Edges are clipped to 0-1 and the
 * padding of the square input is undone.
 */
public final class SsdDecoder {
    /** face-api's NMS IoU threshold. */
    public static final double IOU_THRESHOLD = 0.5;

    private SsdDecoder() {}

    /** The decoded boxes {@code (ymin, xmin, ymax, xmax)} of every anchor, relative to 512. */
    public static double[] decode(float[] enc, float[] anchors) {
        int n = anchors.length / 4;
        double[] out = new double[4 * n];
        for (int i = 0; i < n; i++) {
            double ha = anchors[4 * i + 2] - anchors[4 * i];
            double wa = anchors[4 * i + 3] - anchors[4 * i + 1];
            double yc = anchors[4 * i] + ha / 2;
            double xc = anchors[4 * i + 1] + wa / 2;
            double halfH = Math.exp(enc[4 * i + 2] / 5.0) * ha / 2;
            double halfW = Math.exp(enc[4 * i + 3] / 5.0) * wa / 2;
            double y = enc[4 * i] / 10.0 * ha + yc;
            double x = enc[4 * i + 1] / 10.0 * wa + xc;
            out[4 * i] = y - halfH;
            out[4 * i + 1] = x - halfW;
            out[4 * i + 2] = y + halfH;
            out[4 * i + 3] = x + halfW;
        }
        return out;
    }

    /**
     * The faces in an image of {@code width x height}.
     *
     * @param raw the network's output on the image padded to a square
     */
    public static List<FaceBox> faces(
            SsdMobileNetV1.Raw raw, int width, int height, double minConfidence, int maxResults) {
        double[] boxes = decode(raw.encodings(), raw.anchors());
        List<Integer> kept = nms(boxes, raw.scores(), minConfidence, maxResults);
        // the square was max(w, h) on a side; face-api rounds the resized image's size
        double scale = (double) SsdMobileNetV1.INPUT_SIZE / Math.max(width, height);
        double padX = SsdMobileNetV1.INPUT_SIZE / (double) Math.round(width * scale);
        double padY = SsdMobileNetV1.INPUT_SIZE / (double) Math.round(height * scale);
        List<FaceBox> faces = new ArrayList<>();
        for (int i : kept) {
            double top = Math.max(0, boxes[4 * i]) * padY;
            double bottom = Math.min(1, boxes[4 * i + 2]) * padY;
            double left = Math.max(0, boxes[4 * i + 1]) * padX;
            double right = Math.min(1, boxes[4 * i + 3]) * padX;
            faces.add(
                    new FaceBox(
                            left * width,
                            top * height,
                            (right - left) * width,
                            (bottom - top) * height,
                            raw.scores()[i]));
        }
        return faces;
    }

    /** Greedy NMS; returns kept indices, best first. */
    static List<Integer> nms(double[] boxes, float[] scores, double minScore, int max) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > minScore) {
                candidates.add(i);
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer i) -> -scores[i]));
        List<Integer> kept = new ArrayList<>();
        for (int c : candidates) {
            if (kept.size() >= max) {
                break;
            }
            boolean keep = true;
            for (int k : kept) {
                if (iou(boxes, c, k) > IOU_THRESHOLD) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                kept.add(c);
            }
        }
        return kept;
    }

    static double iou(double[] b, int i, int j) {
        double areaI = area(b, i);
        double areaJ = area(b, j);
        if (areaI <= 0 || areaJ <= 0) {
            return 0;
        }
        double ih =
                Math.min(Math.max(b[4 * i], b[4 * i + 2]), Math.max(b[4 * j], b[4 * j + 2]))
                        - Math.max(
                                Math.min(b[4 * i], b[4 * i + 2]), Math.min(b[4 * j], b[4 * j + 2]));
        double iw =
                Math.min(Math.max(b[4 * i + 1], b[4 * i + 3]), Math.max(b[4 * j + 1], b[4 * j + 3]))
                        - Math.max(
                                Math.min(b[4 * i + 1], b[4 * i + 3]),
                                Math.min(b[4 * j + 1], b[4 * j + 3]));
        double inter = Math.max(ih, 0) * Math.max(iw, 0);
        return inter / (areaI + areaJ - inter);
    }

    private static double area(double[] b, int i) {
        return Math.abs(b[4 * i + 2] - b[4 * i]) * Math.abs(b[4 * i + 3] - b[4 * i + 1]);
    }
}
