package io.dlkit.plugins.rnn.lm;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word vocabulary for word-level language models: id 0 is {@link #UNK} (every word seen fewer
 * than {@code min-count} times, and any word not in the vocabulary), id 1 {@link #EOS} (the end of
 * each non-blank line), then the kept words by falling count (ties alphabetically). Text is split
 * into lower-cased words (letters and digits, with inner apostrophes) and single punctuation marks.
 * Stored in model.yaml as the embedding layer's {@code words} list.
 */
public final class WordVocabulary {
    /** The unknown-word token, id 0. */
    public static final String UNK = "<unk>";

    /** The end-of-sequence token, id 1. */
    public static final String EOS = "</s>";

    private static final Pattern TOKEN =
            Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

    private final List<String> words;
    private final Map<String, Integer> ids = new HashMap<>();

    /** The vocabulary whose words, by id, are {@code words} ({@code <unk>}, {@code </s>}, ...). */
    public WordVocabulary(List<String> words) {
        this.words = List.copyOf(requireNonNull(words, "words is null"));
        if (this.words.size() < 3 || !UNK.equals(words.get(0)) || !EOS.equals(words.get(1))) {
            throw new IllegalArgumentException(
                    "a word vocabulary starts with "
                            + UNK
                            + " and "
                            + EOS
                            + " and has a word more");
        }
        for (int i = 0; i < this.words.size(); i++) {
            if (ids.put(this.words.get(i), i) != null) {
                throw new IllegalArgumentException("words repeats '" + this.words.get(i) + "'");
            }
        }
    }

    /** The words of {@code tokens} seen at least {@code minCount} times, most frequent first. */
    public static WordVocabulary of(List<String> tokens, int minCount) {
        if (minCount < 1) throw new IllegalArgumentException("--min-count must be >= 1");
        Map<String, Integer> counts = new TreeMap<>();
        for (String t : tokens) {
            if (!t.equals(EOS)) counts.merge(t, 1, Integer::sum);
        }
        List<String> kept = new ArrayList<>();
        counts.forEach(
                (w, c) -> {
                    if (c >= minCount) kept.add(w);
                });
        kept.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(
                    "no word occurs --min-count " + minCount + " times; lower --min-count");
        }
        List<String> all = new ArrayList<>(List.of(UNK, EOS));
        all.addAll(kept);
        return new WordVocabulary(all);
    }

    /** The tokens of {@code text}: lower-cased words and punctuation, {@link #EOS} after lines. */
    public static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            Matcher m = TOKEN.matcher(line.toLowerCase(Locale.ROOT));
            boolean any = false;
            while (m.find()) {
                out.add(m.group());
                any = true;
            }
            if (any) out.add(EOS);
        }
        return out;
    }

    /** The words by id. */
    public List<String> words() {
        return words;
    }

    /** The number of ids. */
    public int size() {
        return words.size();
    }

    /** The ids of {@code tokens}, {@code 0} for words outside the vocabulary. */
    public int[] encode(List<String> tokens) {
        return tokens.stream().mapToInt(t -> ids.getOrDefault(t, 0)).toArray();
    }

    /** The word of {@code id}. */
    public String decode(int id) {
        return words.get(id);
    }
}
