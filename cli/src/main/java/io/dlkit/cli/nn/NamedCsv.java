package io.dlkit.cli.nn;

import io.dlkit.backend.data.BoundedLines;
import io.dlkit.backend.data.CsvReader;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.InputFiles;
import io.dlkit.backend.io.NdArray;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a functional model's data from a CSV whose header names the columns after the model's
 * inputs and outputs: an array of one value per sample is the column {@code NAME}; one of k values
 * is the columns {@code NAME_0 .. NAME_<k-1>} (row-major, as {@code pandas} flattens them), in any
 * order and among other columns, which are ignored.
 *
 * <pre>
 * a_0,a_1,b_0,b_1,cls,reg
 * 0.5,-1.2,0.3,0.9,2,0.41
 * </pre>
 */
final class NamedCsv {
    private NamedCsv() {}

    /** One {@code [rows, size]} float array per wanted name. */
    static Map<String, NdArray> read(Path path, Map<String, NamedData.Want> want)
            throws IOException {
        InputFiles.requireRegularFile(path, "a CSV file");
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(in, path.toString(), CsvReader.MAX_LINE_CHARS);
            String header = lines.next();
            if (header == null) throw new DataFormatException(path + ": the file is empty");
            List<String> columns = Arrays.stream(header.split(",", -1)).map(String::strip).toList();
            Map<String, int[]> index = new LinkedHashMap<>();
            want.forEach((name, w) -> index.put(name, columns(path, columns, name, w.size())));
            boolean[] used = new boolean[columns.size()];
            index.values().forEach(cols -> Arrays.stream(cols).forEach(c -> used[c] = true));
            List<float[]> rows = new ArrayList<>();
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) continue;
                rows.add(parse(path, lines.lineNumber(), line, columns, used));
            }
            Map<String, NdArray> out = new LinkedHashMap<>();
            index.forEach((name, cols) -> out.put(name, gather(rows, cols)));
            return out;
        }
    }

    private static int[] columns(Path path, List<String> header, String name, long size) {
        List<String> names = new ArrayList<>();
        if (size == 1 && header.contains(name)) names.add(name);
        else for (int i = 0; i < size; i++) names.add(name + "_" + i);
        int[] cols = new int[names.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = header.indexOf(names.get(i));
            if (cols[i] < 0) {
                throw new DataFormatException(
                        path
                                + ":1: no column '"
                                + names.get(i)
                                + "'; "
                                + name
                                + " takes "
                                + (size == 1
                                        ? "the column " + name
                                        : "the columns " + name + "_0.." + name + "_" + (size - 1))
                                + io.dlkit.backend.text.Suggestions.inParentheses(
                                        names.get(i), header));
            }
        }
        return cols;
    }

    private static float[] parse(
            Path path, int line, String text, List<String> header, boolean[] used) {
        String[] cells = text.split(",", -1);
        if (cells.length != header.size()) {
            throw new DataFormatException(
                    path
                            + ":"
                            + line
                            + ": "
                            + cells.length
                            + " values but the header has "
                            + header.size());
        }
        float[] v = new float[cells.length];
        for (int j = 0; j < cells.length; j++) {
            if (!used[j]) continue;
            try {
                v[j] = Float.parseFloat(cells[j].strip());
            } catch (NumberFormatException e) {
                throw new DataFormatException(
                        path
                                + ":"
                                + line
                                + ": column "
                                + header.get(j)
                                + ": '"
                                + cells[j].strip()
                                + "' is not a number");
            }
        }
        return v;
    }

    private static NdArray gather(List<float[]> rows, int[] cols) {
        float[] out = new float[rows.size() * cols.length];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.length; j++) out[i * cols.length + j] = rows.get(i)[cols[j]];
        }
        return NdArray.of(out, rows.size(), cols.length);
    }
}
