package io.dlkit.backend.image;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The 3x3 edge-detection kernels of the notes (CNN, "Edge Detection"), applied as a
 * cross-correlation (what deep learning calls a convolution: the kernel is not flipped), {@code
 * out[y][x] = sum_{i,j} k[i][j] * in[y + i - 1][x + j - 1]}.
 *
 * <ul>
 *   <li>{@link #VERTICAL} {@code [[1,0,-1],[1,0,-1],[1,0,-1]]} and {@link #HORIZONTAL} {@code
 *       [[1,1,1],[0,0,0],[-1,-1,-1]]}: one direction; the edge strength is {@code |response|}.
 *   <li>{@link #SOBEL} {@code [[1,0,-1],[2,0,-2],[1,0,-1]]} and {@link #SCHARR} {@code
 *       [[3,0,-3],[10,0,-10],[3,0,-3]]}, each with its transpose for horizontal edges: the edge
 *       strength is the magnitude {@code sqrt(v^2 + h^2)}.
 * </ul>
 */
public enum EdgeFilter {
    /** Vertical edges only: {@code [[1,0,-1],[1,0,-1],[1,0,-1]]}. */
    VERTICAL(new float[][] {{1, 0, -1}, {1, 0, -1}, {1, 0, -1}}, false),
    /** Horizontal edges only: {@code [[1,1,1],[0,0,0],[-1,-1,-1]]}. */
    HORIZONTAL(new float[][] {{1, 1, 1}, {0, 0, 0}, {-1, -1, -1}}, false),
    /** Sobel: {@code [[1,0,-1],[2,0,-2],[1,0,-1]]} and its transpose, magnitude. */
    SOBEL(new float[][] {{1, 0, -1}, {2, 0, -2}, {1, 0, -1}}, true),
    /** Scharr: {@code [[3,0,-3],[10,0,-10],[3,0,-3]]} and its transpose, magnitude. */
    SCHARR(new float[][] {{3, 0, -3}, {10, 0, -10}, {3, 0, -3}}, true);

    private final float[][] kernel;
    private final boolean bothDirections;

    EdgeFilter(float[][] kernel, boolean bothDirections) {
        this.kernel = kernel;
        this.bothDirections = bothDirections;
    }

    /**
     * The filter with this name ({@code vertical}, {@code horizontal}, {@code sobel}, {@code
     * scharr}; any case).
     *
     * @throws IllegalArgumentException naming the known filters, for any other name
     */
    public static EdgeFilter parse(String name) {
        for (EdgeFilter f : values()) {
            if (f.displayName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown edge filter '"
                        + name
                        + "'; choose one of "
                        + String.join(
                                ", ", Arrays.stream(values()).map(f -> f.displayName()).toList()));
    }

    /** The lower-case name used on the command line and in pipelines. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kernels applied, each 3x3 as {@code [row][column]}: one for {@link #VERTICAL} and {@link
     * #HORIZONTAL}; the vertical kernel and its transpose (the horizontal one) for {@link #SOBEL}
     * and {@link #SCHARR}.
     */
    public List<float[][]> kernels() {
        if (!bothDirections) {
            return List.<float[][]>of(copy(kernel));
        }
        float[][] transposed = new float[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                transposed[i][j] = kernel[j][i];
            }
        }
        return List.of(copy(kernel), transposed);
    }

    private static float[][] copy(float[][] k) {
        return Arrays.stream(k).map(float[]::clone).toArray(float[][]::new);
    }
}
