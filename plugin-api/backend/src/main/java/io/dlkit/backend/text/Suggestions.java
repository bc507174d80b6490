package io.dlkit.backend.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * "Did you mean" hints, the one implementation every dlkit message uses (model files, pipeline
 * files, command options, plugin names): the known names closest to a misspelt one, ranked by edit
 * distance (Damerau-Levenshtein, so a swapped pair of letters counts once), then by name.
 *
 * <p>Two forms: {@link #didYouMean} for pipeline and command messages ({@code "; did you mean 'a'
 * or 'b'?"}: up to three names, offered when at most one edit per four letters away, at least one,
 * at most three, and at most one edit worse than the best guess), and {@link #inParentheses} for
 * model-file keys and names ({@code " (did you mean units?)"}: the best name, offered when at most
 * {@code max(2, length / 3)} edits away).
 */
public final class Suggestions {
    private static final int MAX_SUGGESTIONS = 3;

    private Suggestions() {}

    /** The close names, best first (at most three), for the {@link #didYouMean} form. */
    public static List<String> closest(String name, Collection<String> known) {
        return closest(name, known, Math.max(1, Math.min(3, name.length() / 4)));
    }

    /**
     * The known names within {@code maxDistance} edits of {@code name} (case-insensitive), best
     * first, at most three, none more than one edit worse than the best.
     */
    public static List<String> closest(String name, Collection<String> known, int maxDistance) {
        String wanted = name.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {}
        List<Scored> close =
                known.stream()
                        .map(k -> new Scored(k, distance(wanted, k.toLowerCase(Locale.ROOT))))
                        .filter(s -> s.distance() <= maxDistance)
                        .sorted(
                                Comparator.comparingInt(Scored::distance)
                                        .thenComparing(Scored::name))
                        .toList();
        // A much worse second guess only distracts from a good first one.
        return close.stream()
                .filter(s -> s.distance() <= close.get(0).distance() + 1)
                .limit(MAX_SUGGESTIONS)
                .map(Scored::name)
                .toList();
    }

    /** {@code "; did you mean 'width'?"}, {@code "; did you mean 'a' or 'b'?"} or empty. */
    public static String didYouMean(String name, Collection<String> known) {
        List<String> close = closest(name, known);
        if (close.isEmpty()) {
            return "";
        }
        return "; did you mean "
                + close.stream().map(c -> "'" + c + "'").collect(Collectors.joining(" or "))
                + "?";
    }

    /** {@code " (did you mean units?)"} for the closest name, or empty when none is close. */
    public static String inParentheses(String name, Collection<String> known) {
        List<String> close = closest(name, known, Math.max(2, name.length() / 3));
        return close.isEmpty() ? "" : " (did you mean " + close.get(0) + "?)";
    }

    /** The optimal-string-alignment distance between two strings. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
