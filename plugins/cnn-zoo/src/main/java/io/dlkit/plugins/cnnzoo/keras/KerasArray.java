package io.dlkit.plugins.cnnzoo.keras;

import io.dlkit.api.DlkitException;
import io.jhdf.api.Dataset;
import java.util.Arrays;

/**
 * One weight array of a Keras file, read only when asked for: a file's shapes are checked before
 * any of its (up to 553 MB of) values are read.
 */
final class KerasArray {
    private final String name;
    private final Dataset dataset;

    /**
     * @param name the weight's name in the file: {@code kernel:0} (Keras 2) or {@code 0} (Keras 3)
     * @param dataset the HDF5 dataset, readable while its file is open
     */
    KerasArray(String name, Dataset dataset) {
        this.name = name;
        this.dataset = dataset;
    }

    /** The weight's name in the file. */
    String name() {
        return name;
    }

    /** Its shape; a scalar has none. */
    long[] shape() {
        return Arrays.stream(dataset.getDimensions()).asLongStream().toArray();
    }

    /**
     * Its values as float32 in row-major order (float64 is narrowed).
     *
     * @throws DlkitException (exit 2) for another element type
     */
    float[] floats() {
        Object flat = dataset.getDataFlat();
        if (flat instanceof float[] f) {
            return f;
        }
        if (flat instanceof double[] d) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        throw DlkitException.invalidInput(
                dataset.getPath()
                        + ": has element type "
                        + dataset.getJavaType().getSimpleName()
                        + "; a Keras weight must be float32 or float64");
    }

    /** {@code kernel:0 [3, 3, 3, 64]}. */
    @Override
    public String toString() {
        return name + " " + Arrays.toString(shape());
    }
}
