package io.dlkit.cli.nn;

import io.dlkit.api.DlkitException;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --max-memory SIZE} and {@code --no-memory-check}: the memory limit a model's estimate is
 * checked against before anything is allocated (see {@link MemoryBudget}).
 */
final class MemoryOptions {
    @Option(
            names = "--max-memory",
            paramLabel = "SIZE",
            description =
                    "Refuse a model whose estimated memory exceeds SIZE (e.g. 8g, 512m; default:"
                            + " the machine's available memory).")
    String maxMemory;

    @Option(
            names = "--no-memory-check",
            description = "Build the model even when its memory estimate exceeds the limit.")
    boolean noMemoryCheck;

    MemoryBudget budget() {
        if (noMemoryCheck) return MemoryBudget.UNCHECKED;
        return maxMemory == null ? MemoryBudget.AVAILABLE : MemoryBudget.of(parse(maxMemory));
    }

    /** {@code 123}, {@code 64k}, {@code 512m}, {@code 8g}, {@code 1t} (binary units, any case). */
    static long parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceFirst("i?b$", "");
        long unit = 1;
        int suffix = "kmgt".indexOf(t.isEmpty() ? ' ' : t.charAt(t.length() - 1));
        if (suffix >= 0) {
            unit = 1L << (10 * (suffix + 1));
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && v * unit < Long.MAX_VALUE) return (long) (v * unit);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DlkitException.invalidInput(
                "--max-memory " + text + ": expected a positive size such as 8g, 512m or 1024k");
    }
}
