package io.dlkit.plugins.face.landmarks;

import io.dlkit.plugins.face.detect.FaceBox;

/**
 * The 68 points of one face in image pixels (iBUG 300-W order: jaw 0-16, brows 17-26, nose 27-35,
 * eyes 36-47, mouth 48-67), with face-api's dlib-style alignment box.
 *
 * @param xy {@code [x0, y0, x1, y1, ...]} in pixels of the whole image
 * @param cropWidth the width of the crop the points were found in (face-api clamps with it)
 * @param cropHeight its height
 */
public record Landmarks68(double[] xy, int cropWidth, int cropHeight) {
    private static final double REL_X = 0.5;
    private static final double REL_Y = 0.43;
    private static final double REL_SCALE = 0.45;

    /**
     * Points from the landmark net's output, relative to a {@code cropWidth x cropHeight} crop,
     * shifted by the detection box's (unrounded) corner, as face-api's {@code
     * extendWithFaceLandmarks} does.
     */
    public static Landmarks68 fromRelative(
            float[] rel, int cropWidth, int cropHeight, FaceBox box) {
        double[] xy = new double[rel.length];
        for (int i = 0; i < rel.length / 2; i++) {
            xy[2 * i] = rel[2 * i] * (double) cropWidth + box.x();
            xy[2 * i + 1] = rel[2 * i + 1] * (double) cropHeight + box.y();
        }
        return new Landmarks68(xy, cropWidth, cropHeight);
    }

    /** Point {@code i}'s x. */
    public double x(int i) {
        return xy[2 * i];
    }

    /** Point {@code i}'s y. */
    public double y(int i) {
        return xy[2 * i + 1];
    }

    /**
     * face-api's {@code align(null, {useDlibAlignment: true})}: a square of side {@code floor(mean
     * eye-to-mouth distance / 0.45)} placed so that the mean of the left-eye, right-eye and mouth
     * centres sits at (0.5, 0.43) of it.
     *
     * @return {@code {x, y, width, height}} (whole pixels, not yet clipped to the image)
     */
    public int[] alignedBox() {
        double[] left = center(36, 42);
        double[] right = center(42, 48);
        double[] mouth = center(48, 68);
        double eyeToMouth = (dist(mouth, left) + dist(mouth, right)) / 2;
        int size = (int) Math.floor(eyeToMouth / REL_SCALE);
        double refX = (left[0] + right[0] + mouth[0]) / 3;
        double refY = (left[1] + right[1] + mouth[1]) / 3;
        int x = (int) Math.floor(Math.max(0, refX - REL_X * size));
        int y = (int) Math.floor(Math.max(0, refY - REL_Y * size));
        return new int[] {x, y, Math.min(size, cropWidth + x), Math.min(size, cropHeight + y)};
    }

    private double[] center(int from, int to) {
        double sx = 0;
        double sy = 0;
        for (int i = from; i < to; i++) {
            sx += x(i);
            sy += y(i);
        }
        return new double[] {sx / (to - from), sy / (to - from)};
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
