package io.dlkit.plugins.detector.darknet;

/**
 * The header of a Darknet {@code .weights} file: three int32 {@code major, minor, revision}, then
 * {@code seen} (images trained on) as int64 when {@code major * 10 + minor >= 2} (and both below
 * 1000), else as int32. All little-endian.
 */
public record WeightsHeader(int major, int minor, int revision, long seen) {
    /** What Darknet writes today: version 0.2.0, seen as int64. */
    public static WeightsHeader current(long seen) {
        return new WeightsHeader(0, 2, 0, seen);
    }

    /** Whether {@code seen} is stored as int64. */
    public boolean seenIsLong() {
        return major * 10 + minor >= 2 && major < 1000 && minor < 1000;
    }

    /** The header's size in bytes: 20 or 16. */
    public int bytes() {
        return seenIsLong() ? 20 : 16;
    }
}
