package io.dlkit.plugins.embeddings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" for words: the closest candidates by edit distance. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * {@code " (did you mean king, kind?)"} with up to {@code max} candidates at most {@code max(2,
     * length / 3)} edits away, closest first (ties in the candidates' order); {@code ""} if none.
     */
    public static String closest(String given, Collection<String> candidates, int max) {
        int limit = Math.max(2, given.length() / 3);
        List<String> near = new ArrayList<>();
        List<Integer> distances = new ArrayList<>();
        for (String c : candidates) {
            if (Math.abs(c.length() - given.length()) > limit) {
                continue;
            }
            int d = editDistance(given, c);
            if (d <= limit) {
                near.add(c);
                distances.add(d);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < near.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(distances::get));
        List<String> best = order.stream().limit(max).map(near::get).toList();
        return best.isEmpty() ? "" : " (did you mean " + String.join(", ", best) + "?)";
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
