package io.dlkit.plugins.rnn.seq2seq;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Human-written dates and their ISO form, the notes' translation example: {@code "3 May 1979"},
 * {@code "05/03/79"} (US month/day/year), {@code "Thursday, May 3rd 1979"} and eight more formats,
 * each of which names one date only (two-digit years are 1950-2049), all to {@code 1979-05-03}.
 * Dates are drawn uniformly from 1950-01-01 to 2049-12-31.
 */
public final class HumanDates {
    /** The number of formats. */
    public static final int FORMATS = 11;

    private static final LocalDate FIRST = LocalDate.of(1950, 1, 1);
    private static final int DAYS =
            (int) (LocalDate.of(2050, 1, 1).toEpochDay() - FIRST.toEpochDay());

    private HumanDates() {}

    /** {@code n} (human, ISO) pairs drawn with {@code seed}. */
    public static List<String[]> pairs(int n, long seed) {
        Random r = new Random(seed);
        List<String[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate d = FIRST.plusDays(r.nextInt(DAYS));
            out.add(new String[] {format(d, r.nextInt(FORMATS)), d.toString()});
        }
        return out;
    }

    /** {@code d} written in format {@code f} (0..10). */
    public static String format(LocalDate d, int f) {
        String month = d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String mon = d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        String day = d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String dy = d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        int dd = d.getDayOfMonth();
        int y = d.getYear();
        return switch (f) {
            case 0 -> dd + " " + month + " " + y;
            case 1 -> String.format("%02d/%02d/%02d", d.getMonthValue(), dd, y % 100);
            case 2 -> day + ", " + month + " " + dd + ordinal(dd) + " " + y;
            case 3 -> month + " " + dd + ", " + y;
            case 4 -> String.format("%02d.%02d.%d", dd, d.getMonthValue(), y);
            case 5 -> dd + " " + mon + " " + String.format("%02d", y % 100);
            case 6 -> dy + " " + dd + " " + mon + " " + y;
            case 7 -> month.toUpperCase(Locale.ROOT) + " " + dd + " " + y;
            case 8 -> dd + "-" + mon + "-" + y;
            case 9 -> "the " + dd + ordinal(dd) + " of " + month + " " + y;
            case 10 -> String.format("%d/%02d/%02d", y, d.getMonthValue(), dd);
            default -> throw new IllegalArgumentException("format must be in [0, 10], got " + f);
        };
    }

    private static String ordinal(int dd) {
        if (dd >= 11 && dd <= 13) return "th";
        return switch (dd % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
