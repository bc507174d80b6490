package io.dlkit.cli.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value of a pipeline file that remembers where it was written, so that every problem can name
 * its line and column. A file is a tree of {@link MapNode}s, {@link ListNode}s and {@link
 * ScalarNode}s.
 */
public sealed interface Node {
    /** Where the value starts. */
    Position position();

    /** The value as plain Java: maps, lists, strings, numbers, booleans, null. */
    Object toPlain();

    /** How the value is described in messages: {@code string "abc"}, {@code int 3}, a list. */
    default String describe() {
        return Values.describe(toPlain());
    }

    /** One key of a mapping, with the key's own position. */
    record Entry(String key, Position keyPosition, Node value) {}

    /** A mapping, keys in file order. */
    record MapNode(List<Entry> entries, Position position) implements Node {
        /** The entry with this key, if any. */
        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        /** The value under this key, if any. */
        public Optional<Node> get(String key) {
            return entry(key).map(Entry::value);
        }

        @Override
        public Object toPlain() {
            Map<String, Object> map = new LinkedHashMap<>();
            entries.forEach(e -> map.put(e.key(), e.value().toPlain()));
            return map;
        }
    }

    /** A sequence. */
    record ListNode(List<Node> items, Position position) implements Node {
        @Override
        public Object toPlain() {
            List<Object> list = new ArrayList<>();
            items.forEach(i -> list.add(i.toPlain()));
            return list;
        }
    }

    /**
     * A single value: a String, Long, BigInteger, Double, BigDecimal, Boolean or null.
     *
     * @param value the parsed value
     */
    record ScalarNode(Object value, Position position) implements Node {
        /** The value when it is a string. */
        public Optional<String> text() {
            return value instanceof String s ? Optional.of(s) : Optional.empty();
        }

        @Override
        public Object toPlain() {
            return value;
        }
    }
}
