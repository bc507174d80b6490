package io.dlkit.plugins.face;

import io.dlkit.plugins.face.detect.FaceBox;
import io.dlkit.plugins.face.landmarks.Landmarks68;

/**
 * One face found in an image: the detection, its landmarks, the aligned crop the descriptor was
 * computed on ({@code {x, y, w, h}} in whole pixels) and the 128-d descriptor.
 */
public record Face(FaceBox box, Landmarks68 landmarks, int[] alignedBox, float[] descriptor) {
    /** The Euclidean distance between two descriptors. */
    public static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
