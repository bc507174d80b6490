package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.DType;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a data set from a NumPy {@code .npz} archive holding a features array and a labels array,
 * as {@code numpy.savez("train.npz", x=x, y=y)} writes it.
 *
 * <ul>
 *   <li>Features: the array named {@code x}, {@code X} or {@code features}, of shape {@code (m,
 *       ...)}; the rest of the shape is the per-sample shape ({@code (m,)} gives {@code [1]}). A
 *       {@code uint8} array holds pixels and is scaled to {@code value / 255}; other types are kept
 *       as they are.
 *   <li>Labels: the array named {@code y}, {@code Y} or {@code labels}, with {@code m} first. A
 *       one-dimensional integer (or bool) array holds class ids {@code 0..K-1}, {@code K} being the
 *       largest plus one; any other array holds float targets of the per-sample shape {@code
 *       y.shape[1:]} ({@code [1]} for a one-dimensional float array).
 * </ul>
 */
public final class NpzDatasetReader {
    private static final List<String> FEATURE_NAMES = List.of("x", "X", "features");
    private static final List<String> LABEL_NAMES = List.of("y", "Y", "labels");
    private static final int MAX_CLASSES = 1 << 20;

    private NpzDatasetReader() {}

    /**
     * Reads the archive.
     *
     * @throws DataFormatException if the archive is malformed, lacks either array, or the arrays
     *     disagree in their number of samples, or a class label is negative
     * @throws IOException if the file cannot be read
     */
    public static Dataset read(Path path) throws IOException {
        requireNonNull(path, "path is null");
        Map<String, NdArray> arrays = Npz.read(path);
        String xName = find(path, arrays, FEATURE_NAMES, "features");
        String yName = find(path, arrays, LABEL_NAMES, "labels");
        NdArray x = arrays.get(xName);
        NdArray y = arrays.get(yName);
        long m = samples(path, xName, x);
        if (samples(path, yName, y) != m) {
            throw new DataFormatException(
                    path
                            + ": "
                            + xName
                            + " has "
                            + m
                            + " samples (shape "
                            + Shapes.toString(x.shape())
                            + ") but "
                            + yName
                            + " has "
                            + y.shape()[0]
                            + " (shape "
                            + Shapes.toString(y.shape())
                            + "); their first dimensions must"
                            + " agree");
        }
        float[] features = x.dtype() == DType.UINT8 ? Pixels.fromInts(x.ints()) : x.floats();
        long[] featureShape = perSample(x.shape());
        if (y.rank() == 1 && isInteger(y.dtype())) {
            int[] labels = classIds(path, yName, y);
            int max = Arrays.stream(labels).max().orElse(0);
            return Dataset.ofClasses(features, labels, max + 1, featureShape);
        }
        return Dataset.ofTargets(features, featureShape, y.floats(), perSample(y.shape()));
    }

    private static String find(
            Path path, Map<String, NdArray> arrays, List<String> names, String what) {
        for (String name : names) {
            if (arrays.containsKey(name)) {
                return name;
            }
        }
        throw new DataFormatException(
                path
                        + ": no "
                        + what
                        + " array; expected one named "
                        + names.get(0)
                        + ", "
                        + names.get(1)
                        + " or "
                        + names.get(2)
                        + " (the archive holds: "
                        + (arrays.isEmpty() ? "nothing" : String.join(", ", arrays.keySet()))
                        + ")");
    }

    private static long samples(Path path, String name, NdArray a) {
        if (a.rank() == 0) {
            throw new DataFormatException(
                    path
                            + ": "
                            + name
                            + " is a scalar; expected an array"
                            + " of shape (samples, ...)");
        }
        return a.shape()[0];
    }

    private static long[] perSample(long[] shape) {
        return shape.length == 1 ? new long[] {1} : Arrays.copyOfRange(shape, 1, shape.length);
    }

    private static boolean isInteger(DType t) {
        return t == DType.INT32 || t == DType.INT64 || t == DType.UINT8 || t == DType.BOOL;
    }

    private static int[] classIds(Path path, String name, NdArray y) {
        long[] values = y.longs();
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= MAX_CLASSES) {
                throw new DataFormatException(
                        path
                                + ": "
                                + name
                                + "["
                                + i
                                + "] is "
                                + values[i]
                                + "; class labels must be integers 0..K-1 (K at most "
                                + MAX_CLASSES
                                + ")");
            }
            labels[i] = (int) values[i];
        }
        return labels;
    }
}
