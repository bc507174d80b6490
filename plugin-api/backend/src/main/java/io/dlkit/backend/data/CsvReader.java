package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.InputFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a data set from a CSV file of numbers: one sample per row, one label column, every other
 * column a feature (features of shape {@code [columns - 1]}, values kept as they are, no scaling).
 *
 * <ul>
 *   <li>Header: a first row with any field that is not a number is a header, unless {@link
 *       Builder#optHeader(Boolean)} says otherwise. Blank lines are skipped; fields are trimmed and
 *       may be quoted ({@code "label"}).
 *   <li>Label column: by name ({@link Builder#optLabelColumn(String)}), by index ({@link
 *       Builder#optLabelIndex(int)}), else the last column named {@code label}, else the last
 *       column.
 *   <li>Labels: integer class ids {@code 0..K-1}, where {@code K} is {@link
 *       Builder#optNumClasses(int)} or else the largest label plus one; with {@link
 *       Builder#optTargets(boolean)} a float regression target of shape {@code [1]} instead.
 * </ul>
 *
 * <p>Every error names the file and the line, and the column where one is at fault, for example
 * {@code train.csv:17: expected 5 columns, got 4}. Lines are counted from 1 as editors do, columns
 * from 1 in messages and from 0 in {@link Builder#optLabelIndex(int)}.
 *
 * <pre>{@code
 * Dataset iris = CsvReader.builder().optLabelColumn("species").optNumClasses(3).build()
 *         .read(Path.of("iris.csv"));
 * }</pre>
 */
public final class CsvReader {
    /**
     * The longest line read by default, in characters (1 Mi): a row of 100,000 features fits; a
     * file with no line breaks fails at once instead of filling memory.
     */
    public static final int MAX_LINE_CHARS = 1 << 20;

    /** The most values (features and labels) one data set can hold: one Java array. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    // Beyond this, an inferred class count is surely a misread regression target.
    private static final int MAX_INFERRED_CLASSES = 1 << 20;

    private final String labelName;
    private final Integer labelIndex;
    private final Boolean header;
    private final int numClasses;
    private final boolean targets;
    private final char delimiter;
    private final int maxLineChars;

    private CsvReader(Builder b) {
        this.labelName = b.labelName;
        this.labelIndex = b.labelIndex;
        this.header = b.header;
        this.numClasses = b.numClasses;
        this.targets = b.targets;
        this.delimiter = b.delimiter;
        this.maxLineChars = b.maxLineChars;
    }

    /** A builder; every option has a default, so {@code builder().build()} reads most files. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the file.
     *
     * @throws DataFormatException if the file is empty, a row is ragged, a field is not a number,
     *     the label column does not exist, or a class label is not an integer in range
     * @throws IOException if the file cannot be read
     */
    public Dataset read(Path path) throws IOException {
        requireNonNull(path, "path is null");
        InputFiles.requireRegularFile(path, "a CSV file");
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new CsvParse(this, path, new BoundedLines(in, path.toString(), maxLineChars))
                    .run();
        }
    }

    /** Options of a {@link CsvReader}. */
    public static final class Builder {
        private String labelName;
        private Integer labelIndex;
        private Boolean header;
        private int numClasses;
        private boolean targets;
        private char delimiter = ',';
        private int maxLineChars = MAX_LINE_CHARS;

        private Builder() {}

        /** The label column by its header name; the file must then have a header row. */
        public Builder optLabelColumn(String name) {
            this.labelName = requireNonNull(name, "name is null");
            this.labelIndex = null;
            return this;
        }

        /** The label column by index, counted from 0; negative counts from the end (-1: last). */
        public Builder optLabelIndex(int index) {
            this.labelIndex = index;
            this.labelName = null;
            return this;
        }

        /** Whether the first row is a header; {@code null} (the default) detects it. */
        public Builder optHeader(Boolean hasHeader) {
            this.header = hasHeader;
            return this;
        }

        /** The number of classes {@code K}; labels must be in {@code 0..K-1}. Default: inferred. */
        public Builder optNumClasses(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("numClasses must be at least 1, got " + k);
            }
            this.numClasses = k;
            return this;
        }

        /** Read the label column as float regression targets instead of class ids. */
        public Builder optTargets(boolean floatTargets) {
            this.targets = floatTargets;
            return this;
        }

        /** The field separator; default {@code ','}. */
        public Builder optDelimiter(char c) {
            this.delimiter = c;
            return this;
        }

        /** The longest line accepted, in characters; default {@link #MAX_LINE_CHARS}. */
        public Builder optMaxLineChars(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("maxLineChars must be at least 1, got " + chars);
            }
            this.maxLineChars = chars;
            return this;
        }

        /** The reader. */
        public CsvReader build() {
            return new CsvReader(this);
        }
    }

    /** The state of reading one file. */
    private static final class CsvParse {
        private final CsvReader options;
        private final Path path;
        private final BoundedLines in;
        private final Pattern separator;
        private int lineNumber;
        private List<String> names;
        private int columns;
        private int label;
        private float[] x = new float[1024];
        private int xLength;
        private float[] y = new float[256];
        private int rows;

        CsvParse(CsvReader options, Path path, BoundedLines in) {
            this.options = options;
            this.path = path;
            this.in = in;
            this.separator = Pattern.compile(Pattern.quote(String.valueOf(options.delimiter)));
        }

        Dataset run() throws IOException {
            String[] first = nextRow();
            if (first == null) {
                throw new DataFormatException(
                        path + ": the file is empty; expected rows of comma-separated numbers");
            }
            columns = first.length;
            boolean hasHeader = options.header != null ? options.header : isHeader(first);
            names = hasHeader ? Arrays.asList(first) : null;
            if (columns < 2) {
                throw new DataFormatException(
                        path
                                + ":"
                                + lineNumber
                                + ": found "
                                + columns
                                + " column; a data set needs at least one feature column and a label");
            }
            label = labelColumn();
            if (!hasHeader) {
                addRow(first);
            }
            for (String[] row = nextRow(); row != null; row = nextRow()) {
                addRow(row);
            }
            if (rows == 0) {
                throw new DataFormatException(path + ": no data rows after the header");
            }
            return build();
        }

        private Dataset build() {
            float[] features = Arrays.copyOf(x, xLength);
            if (options.targets) {
                return Dataset.ofTargets(
                        features, new long[] {columns - 1}, Arrays.copyOf(y, rows), 1);
            }
            int[] labels = new int[rows];
            int max = 0;
            for (int i = 0; i < rows; i++) {
                labels[i] = (int) y[i];
                max = Math.max(max, labels[i]);
            }
            int k = options.numClasses > 0 ? options.numClasses : max + 1;
            return Dataset.ofClasses(features, labels, k, columns - 1);
        }

        private String[] nextRow() throws IOException {
            String line;
            while ((line = in.next()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    return split(line);
                }
            }
            return null;
        }

        private String[] split(String line) {
            String[] fields = separator.split(line, -1);
            for (int i = 0; i < fields.length; i++) {
                String f = fields[i].trim();
                if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
                    f = f.substring(1, f.length() - 1).trim();
                }
                fields[i] = f;
            }
            return fields;
        }

        private static boolean isHeader(String[] fields) {
            for (String f : fields) {
                try {
                    Float.parseFloat(f);
                } catch (NumberFormatException e) {
                    return true;
                }
            }
            return false;
        }

        private int labelColumn() {
            if (options.labelName != null) {
                if (names == null) {
                    throw new DataFormatException(
                            path
                                    + ": label column '"
                                    + options.labelName
                                    + "' is given by name but the file has no header row; give its index");
                }
                int i = names.lastIndexOf(options.labelName);
                if (i < 0) {
                    throw new DataFormatException(
                            path
                                    + ": no column named '"
                                    + options.labelName
                                    + "'; the columns are "
                                    + String.join(", ", names));
                }
                return i;
            }
            if (options.labelIndex != null) {
                int i = options.labelIndex < 0 ? columns + options.labelIndex : options.labelIndex;
                if (i < 0 || i >= columns) {
                    throw new DataFormatException(
                            path
                                    + ": label column "
                                    + options.labelIndex
                                    + " is out of range; the file has "
                                    + columns
                                    + " columns (0.."
                                    + (columns - 1)
                                    + ")");
                }
                return i;
            }
            int named = names == null ? -1 : names.lastIndexOf("label");
            return named >= 0 ? named : columns - 1;
        }

        private void addRow(String[] fields) {
            if (fields.length != columns) {
                throw new DataFormatException(
                        path
                                + ":"
                                + lineNumber
                                + ": expected "
                                + columns
                                + " columns, got "
                                + fields.length);
            }
            if (xLength + columns > x.length) {
                if ((long) xLength + columns + rows + 1 > MAX_VALUES) {
                    throw new DataFormatException(
                            path
                                    + ":"
                                    + lineNumber
                                    + ": more than "
                                    + MAX_VALUES
                                    + " values, the most one data set holds; split the file");
                }
                long grown = Math.max((long) x.length * 3 / 2, (long) xLength + columns);
                x = Arrays.copyOf(x, (int) Math.min(grown, MAX_VALUES));
            }
            if (rows == y.length) {
                y = Arrays.copyOf(y, rows * 3 / 2 + 1);
            }
            for (int c = 0; c < columns; c++) {
                float v = number(fields[c], c);
                if (c == label) {
                    y[rows] = options.targets ? v : classId(v, fields[c], c);
                } else {
                    x[xLength++] = v;
                }
            }
            rows++;
        }

        private float number(String field, int c) {
            try {
                return Float.parseFloat(field);
            } catch (NumberFormatException e) {
                throw new DataFormatException(
                        path
                                + ":"
                                + lineNumber
                                + ": "
                                + column(c)
                                + ": '"
                                + field
                                + "' is not a number");
            }
        }

        private int classId(float v, String field, int c) {
            String range =
                    "class labels must be integers 0.."
                            + (options.numClasses > 0
                                    ? String.valueOf(options.numClasses - 1)
                                    : "K-1");
            if (v != Math.rint(v) || Float.isInfinite(v)) {
                throw new DataFormatException(
                        path
                                + ":"
                                + lineNumber
                                + ": label "
                                + field
                                + " in "
                                + column(c)
                                + " is not an integer; "
                                + range);
            }
            int k = options.numClasses > 0 ? options.numClasses : MAX_INFERRED_CLASSES;
            if (v < 0 || v >= k) {
                throw new DataFormatException(
                        path
                                + ":"
                                + lineNumber
                                + ": label "
                                + field
                                + " in "
                                + column(c)
                                + " is out of range; "
                                + range);
            }
            return (int) v;
        }

        private String column(int c) {
            return "column " + (c + 1) + (names == null ? "" : " (" + names.get(c) + ")");
        }
    }
}
