package io.dlkit.plugins.rnn.lm;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A character vocabulary: the distinct characters (code points) of a text in code-point order,
 * character {@code i} having id {@code i}. Stored in model.yaml as the embedding layer's {@code
 * tokens} string.
 */
public final class CharVocabulary {
    private final String tokens;
    private final int[] chars;
    private final Map<Integer, Integer> ids = new TreeMap<>();

    /** The vocabulary whose characters, by id, are those of {@code tokens}. */
    public CharVocabulary(String tokens) {
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.chars = tokens.codePoints().toArray();
        for (int i = 0; i < chars.length; i++) {
            if (ids.put(chars[i], i) != null) {
                throw new IllegalArgumentException(
                        "tokens repeats the character " + Character.toString(chars[i]));
            }
        }
        if (chars.length < 2) {
            throw new IllegalArgumentException(
                    "a vocabulary needs at least 2 distinct characters, got " + chars.length);
        }
    }

    /** The distinct characters of {@code text}, sorted. */
    public static CharVocabulary of(String text) {
        TreeSet<Integer> distinct = new TreeSet<>();
        text.codePoints().forEach(distinct::add);
        StringBuilder b = new StringBuilder();
        distinct.forEach(b::appendCodePoint);
        return new CharVocabulary(b.toString());
    }

    /** The characters by id, as one string. */
    public String tokens() {
        return tokens;
    }

    /** The number of characters. */
    public int size() {
        return chars.length;
    }

    /** The ids of {@code text}'s characters; a character outside the vocabulary is an error. */
    public int[] encode(String text) {
        return text.codePoints()
                .map(
                        c -> {
                            Integer id = ids.get(c);
                            if (id == null) {
                                throw new IllegalArgumentException(
                                        "the character '"
                                                + Character.toString(c)
                                                + "' is not in the model's vocabulary of "
                                                + size()
                                                + " characters");
                            }
                            return id;
                        })
                .toArray();
    }

    /** The character of {@code id}. */
    public String decode(int id) {
        return Character.toString(chars[id]);
    }
}
