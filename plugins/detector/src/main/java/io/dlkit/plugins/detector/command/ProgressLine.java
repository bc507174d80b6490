package io.dlkit.plugins.detector.command;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress over a folder of images on stderr: a bar redrawn in place on a terminal, otherwise a
 * line at every tenth of the work; nothing when quiet or for a single image.
 */
final class ProgressLine {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private int lastTenth;

    ProgressLine(PrintWriter err, int total, boolean quiet) {
        this.err = err;
        this.total = total;
        this.enabled = !quiet && total > 1;
        this.terminal = System.console() != null;
    }

    /** Records that {@code done} images are finished. */
    void update(int done) {
        if (!enabled) return;
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        if (terminal) {
            int filled = (int) ((long) WIDTH * done / total);
            err.printf(
                    Locale.ROOT,
                    "\rdetect [%s%s] %d/%d %.1f img/s",
                    "#".repeat(filled),
                    ".".repeat(WIDTH - filled),
                    done,
                    total,
                    rate);
            if (done == total) err.println();
            err.flush();
            return;
        }
        int tenth = (int) (10L * done / total);
        if (tenth > lastTenth || done == total) {
            lastTenth = tenth;
            err.printf(Locale.ROOT, "detect: %d/%d images (%.1f img/s)%n", done, total, rate);
            err.flush();
        }
    }
}
