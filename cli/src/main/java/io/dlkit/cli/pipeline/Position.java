package io.dlkit.cli.pipeline;

import java.util.Comparator;

/**
 * A place in a pipeline file, 1-based.
 *
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record Position(int line, int column) implements Comparable<Position> {
    /** The start of a file, where whole-file problems are reported. */
    public static final Position START = new Position(1, 1);

    private static final Comparator<Position> ORDER =
            Comparator.comparingInt(Position::line).thenComparingInt(Position::column);

    @Override
    public int compareTo(Position other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
