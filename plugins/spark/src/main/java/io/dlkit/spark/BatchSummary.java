package io.dlkit.spark;

import java.util.Locale;

/** What a batch run did: records, failed records, seconds, where the results are. */
record BatchSummary(String task, long records, long errors, double seconds, String output) {
    /** The line printed on stderr at the end. */
    String line() {
        return String.format(
                Locale.ROOT,
                "batch %s: %d record(s), %d error(s), %.1f s (%.1f records/s); wrote %s",
                task,
                records,
                errors,
                seconds,
                records / Math.max(seconds, 1e-9),
                output);
    }
}
