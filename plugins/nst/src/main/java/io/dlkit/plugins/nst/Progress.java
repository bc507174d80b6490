package io.dlkit.plugins.nst;

import java.util.Locale;
import java.util.function.Consumer;

/** One progress line per twentieth of a stage of the run (to stderr, or a step's progress). */
final class Progress {
    private final Consumer<String> log;
    private final String label;
    private final int total;
    private final int every;

    /**
     * @param label what the stage is ({@code "512x341"}, {@code "1024x683 tiles"})
     * @param total the stage's iterations
     */
    Progress(Consumer<String> log, String label, int total) {
        this.log = log;
        this.label = label;
        this.total = total;
        this.every = Math.max(1, total / 20);
    }

    /** Prints {@code c} if its iteration ends a twentieth of the stage. */
    void update(int iteration, StyleTransfer.Costs c) {
        if (iteration % every != 0 && iteration != total) return;
        int filled = 30 * iteration / total;
        log.accept(
                String.format(
                        Locale.ROOT,
                        "%s [%s%s] %d/%d  total %.4g  content %.4g  style %.4g",
                        label,
                        "#".repeat(filled),
                        ".".repeat(30 - filled),
                        iteration,
                        total,
                        c.total(),
                        c.content(),
                        c.style()));
    }
}
