package io.dlkit.cli.nn;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A functional model's data: one array per input and per target, each with the samples along its
 * first axis, as Keras' {@code model.fit({"a": xa, "b": xb}, {"cls": y1, "reg": y2})} takes them.
 * Read from a {@code .npz} (arrays named after the inputs and outputs, e.g. {@code numpy.savez(
 * "d.npz", a=xa, b=xb, cls=y1, reg=y2)}) or a CSV with a header whose columns are named after them
 * ({@link NamedCsv}); other arrays or columns are ignored.
 *
 * <p>An input array has the input's shape, or any shape with as many values per sample (it is
 * reshaped); a classification target holds class ids 0..k-1 ({@code [m]} or {@code [m, 1]}); a
 * regression target has the output's values per sample.
 *
 * @param arrays float32 inputs and targets, int32 class labels, by name
 * @param rows the samples
 */
record NamedData(Map<String, NdArray> arrays, int rows) {

    /**
     * What an array must be: its shape without the sample axis, whether it holds class ids (and how
     * many classes), whether it is a target.
     */
    record Want(long[] shape, boolean labels, int classes, boolean target) {
        long size() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }
    }

    /** Reads {@code source}'s rows and fits each wanted array. */
    static NamedData load(DataSource source, Map<String, Want> want) {
        Map<String, NdArray> raw = read(source, want);
        Map<String, NdArray> out = new LinkedHashMap<>();
        int rows = -1;
        for (Map.Entry<String, Want> e : want.entrySet()) {
            NdArray a = raw.get(e.getKey());
            if (a == null) {
                throw DlkitException.invalidInput(
                        source.path()
                                + ": no array or column named '"
                                + e.getKey()
                                + "'; the data needs one per input and target: "
                                + String.join(", ", want.keySet())
                                + (raw.isEmpty()
                                        ? ""
                                        : " (it has " + String.join(", ", raw.keySet()) + ")")
                                + (e.getValue().target()
                                        ? "; to train without it, give "
                                                + e.getKey()
                                                + " the loss none"
                                        : ""));
            }
            NdArray fitted = fit(source, e.getKey(), a, e.getValue());
            int m = (int) fitted.shape()[0];
            if (rows >= 0 && m != rows) {
                throw DlkitException.invalidInput(
                        source.path()
                                + ": '"
                                + e.getKey()
                                + "' has "
                                + m
                                + " samples but the arrays before it have "
                                + rows
                                + "; every array needs one row per sample");
            }
            rows = m;
            out.put(e.getKey(), fitted);
        }
        return rows(source, new NamedData(out, rows));
    }

    private static Map<String, NdArray> read(DataSource source, Map<String, Want> want) {
        requireFile(source.path());
        try {
            String name = source.path().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".npz")) return Npz.read(source.path());
            if (name.endsWith(".csv")) return NamedCsv.read(source.path(), want);
        } catch (NoSuchFileException e) {
            throw DlkitException.invalidInput(source.path() + ": no such file or folder");
        } catch (DataFormatException e) {
            throw DlkitException.invalidInput(e.getMessage());
        } catch (IOException e) {
            throw DlkitException.invalidInput(source.path() + ": cannot read: " + e.getMessage());
        }
        throw DlkitException.invalidInput(
                source.path()
                        + ": a model with named inputs reads a .npz with arrays named "
                        + String.join(", ", want.keySet())
                        + " or a .csv with columns named after them");
    }

    private static NdArray fit(DataSource source, String name, NdArray a, Want want) {
        long perRow = a.rank() == 0 ? 0 : a.size() / Math.max(1, a.shape()[0]);
        if (a.rank() == 0 || perRow != want.size()) {
            throw DlkitException.invalidInput(
                    source.path()
                            + ": '"
                            + name
                            + "' has shape "
                            + Arrays.toString(a.shape())
                            + " but the model needs [samples"
                            + (want.labels() ? "] of class ids" : ", " + join(want.shape()) + "]"));
        }
        long[] shape = new long[want.shape().length + 1];
        shape[0] = a.shape()[0];
        System.arraycopy(want.shape(), 0, shape, 1, want.shape().length);
        if (!want.labels()) return NdArray.of(a.floats(), shape);
        double[] v = a.doubles();
        int[] labels = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || v[i] < 0 || v[i] >= want.classes()) {
                throw DlkitException.invalidInput(
                        source.path()
                                + ": '"
                                + name
                                + "' row "
                                + i
                                + " holds "
                                + v[i]
                                + " but the output has "
                                + want.classes()
                                + " classes (labels must be whole numbers 0.."
                                + (want.classes() - 1)
                                + ")");
            }
            labels[i] = (int) v[i];
        }
        return NdArray.of(labels, a.shape()[0]);
    }

    private static String join(long[] shape) {
        return String.join(", ", Arrays.stream(shape).mapToObj(Long::toString).toList());
    }

    private static NamedData rows(DataSource s, NamedData d) {
        int end = s.to() < 0 ? d.rows() : s.to();
        if (s.from() < 0 || end > d.rows() || s.from() >= end) {
            throw DlkitException.invalidInput(
                    s.path()
                            + ": rows "
                            + s.from()
                            + ":"
                            + (s.to() < 0 ? "" : s.to())
                            + " are out of range; the data set has "
                            + d.rows()
                            + " rows");
        }
        return s.from() == 0 && end == d.rows() ? d : d.subset(s.from(), end);
    }

    /** Rows {@code [from, to)}. */
    NamedData subset(int from, int to) {
        Map<String, NdArray> m = new LinkedHashMap<>();
        arrays.forEach((k, v) -> m.put(k, ArraySource.gather(v, rangeOf(from, to))));
        return new NamedData(m, to - from);
    }

    /** The first rows for training and the last {@code fraction} for validation. */
    List<NamedData> split(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw DlkitException.invalidInput("--val-split must be in [0, 1), got " + fraction);
        }
        int val = (int) Math.round(rows * fraction);
        if (val < 1 || val >= rows) {
            throw DlkitException.invalidInput(
                    "--val-split "
                            + fraction
                            + " of "
                            + rows
                            + " samples leaves no training or no validation samples");
        }
        return List.of(subset(0, rows - val), subset(rows - val, rows));
    }

    private static int[] rangeOf(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    // Before any reader opens it: a FIFO would wait forever, /dev/zero never ends.
    private static void requireFile(java.nio.file.Path path) {
        io.dlkit.api.FileKind kind = io.dlkit.api.FileKind.of(path);
        if (kind == io.dlkit.api.FileKind.MISSING) {
            throw DlkitException.invalidInput(path + ": no such file or folder");
        }
        io.dlkit.backend.io.InputFiles.problem(path, "a data set (.npz or .csv)")
                .ifPresent(
                        p -> {
                            throw DlkitException.invalidInput(path + ": " + p);
                        });
    }
}
