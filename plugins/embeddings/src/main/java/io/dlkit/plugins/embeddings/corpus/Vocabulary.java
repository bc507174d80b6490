package io.dlkit.plugins.embeddings.corpus;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words kept for training, most frequent first (ties by word, so the order is reproducible),
 * with their counts. Index {@code i} is the word's row in every matrix of the model.
 */
public final class Vocabulary {
    private final String[] words;
    private final long[] counts;
    private final Map<String, Integer> index;
    private final long total;

    private Vocabulary(String[] words, long[] counts) {
        this.words = words;
        this.counts = counts;
        this.index = new HashMap<>(words.length * 2);
        long sum = 0;
        for (int i = 0; i < words.length; i++) {
            index.put(words[i], i);
            sum += counts[i];
        }
        this.total = sum;
    }

    /**
     * The words of {@code counts} seen at least {@code minCount} times, sorted by count
     * (descending) then by word.
     */
    public static Vocabulary build(Map<String, Long> counts, int minCount) {
        requireNonNull(counts, "counts is null");
        List<Map.Entry<String, Long>> kept = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() >= minCount) {
                kept.add(e);
            }
        }
        kept.sort(
                Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey));
        String[] words = new String[kept.size()];
        long[] c = new long[kept.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = kept.get(i).getKey();
            c[i] = kept.get(i).getValue();
        }
        return new Vocabulary(words, c);
    }

    /** A vocabulary with exactly these words and counts, in this order (for tests and tools). */
    public static Vocabulary of(List<String> words, long[] counts) {
        if (words.size() != counts.length) {
            throw new IllegalArgumentException(
                    words.size() + " words but " + counts.length + " counts");
        }
        return new Vocabulary(words.toArray(String[]::new), counts.clone());
    }

    /** The number of words. */
    public int size() {
        return words.length;
    }

    /** The word at {@code i}. */
    public String word(int i) {
        return words[i];
    }

    /** How often the word at {@code i} occurs in the corpus. */
    public long count(int i) {
        return counts[i];
    }

    /** The index of {@code word}, or -1 when it is not in the vocabulary. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    /** The sum of all counts: the number of training words in the corpus. */
    public long totalCount() {
        return total;
    }

    /** The words, in index order. */
    public List<String> words() {
        return List.of(words);
    }
}
