package io.dlkit.cli.progress;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * Draws {@code epoch 2/10 45% │█████▌ │ 211/469 loss 0.4123 acc 0.8571 1234 samples/s eta 0:41}.
 * Unlike the library's default renderer it shows no elapsed time and gives the figures priority
 * over the bar, whose width is what the line leaves (10 to 40 characters).
 */
final class EpochBarRenderer implements ProgressBarRenderer {
    private static final int MIN_BAR = 10;
    private static final int MAX_BAR = 40;
    private static final String UNICODE_PARTS = " ▏▎▍▌▋▊▉";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private final boolean ascii;
    private final boolean colour;

    EpochBarRenderer(ProgressBarStyle style) {
        this.ascii = style == ProgressBarStyle.ASCII;
        this.colour =
                style == ProgressBarStyle.COLORFUL_UNICODE_BLOCK
                        || style == ProgressBarStyle.COLORFUL_UNICODE_BAR;
    }

    @Override
    public String render(ProgressState state, int maxLength) {
        long max = Math.max(1, state.getMax());
        long current = Math.min(state.getCurrent(), max);
        double fraction = (double) current / max;
        String prefix =
                String.format(
                        Locale.ROOT, "%s %3d%% ", state.getTaskName(), (int) (fraction * 100));
        String suffix = " " + current + "/" + max + " " + state.getExtraMessage();
        int room = maxLength - prefix.length() - suffix.strip().length() - 3;
        int width = Math.max(MIN_BAR, Math.min(MAX_BAR, room));
        String line = prefix + bar(fraction, width) + suffix.stripTrailing();
        return colour ? fit(line, maxLength) + RESET : fit(line, maxLength);
    }

    private String bar(double fraction, int width) {
        StringBuilder s = new StringBuilder(ascii ? "[" : "│");
        if (colour) {
            s.append(YELLOW);
        }
        double filled = fraction * width;
        int full = (int) filled;
        if (ascii) {
            s.append("=".repeat(full));
            if (full < width) {
                s.append(full > 0 || filled > 0 ? ">" : " ").append(" ".repeat(width - full - 1));
            }
        } else {
            s.append("█".repeat(full));
            if (full < width) {
                int part = (int) ((filled - full) * UNICODE_PARTS.length());
                s.append(UNICODE_PARTS.charAt(part)).append(" ".repeat(width - full - 1));
            }
        }
        if (colour) {
            s.append(RESET);
        }
        return s.append(ascii ? "]" : "│").toString();
    }

    /** Cuts the line to {@code maxLength} visible characters, keeping escape codes intact. */
    private static String fit(String line, int maxLength) {
        StringBuilder s = new StringBuilder();
        int visible = 0;
        for (int i = 0; i < line.length() && visible < maxLength; i++) {
            char c = line.charAt(i);
            if (c == '\u001b') {
                int end = line.indexOf('m', i);
                s.append(line, i, end + 1);
                i = end;
            } else {
                s.append(c);
                visible++;
            }
        }
        return s.toString();
    }
}
