package io.dlkit.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with left-aligned columns, as printed on a terminal. */
public final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with the given column headers. */
    public Table(String... headers) {
        this.headers = Arrays.asList(headers);
    }

    /** Adds a row; missing cells print empty. */
    public Table row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) r.add(c == null ? "" : c.toString());
        rows.add(r);
        return this;
    }

    /** Prints the table. */
    public void print(PrintWriter out) {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) width[i] = headers.get(i).length();
        for (List<String> r : rows) {
            for (int i = 0; i < Math.min(r.size(), width.length); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        printRow(out, headers, width);
        for (List<String> r : rows) printRow(out, r, width);
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            sb.append(c);
            if (i < width.length - 1) sb.append(" ".repeat(width[i] - c.length() + 2));
        }
        out.println(sb.toString().stripTrailing());
    }
}
