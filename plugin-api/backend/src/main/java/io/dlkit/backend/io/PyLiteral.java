package io.dlkit.backend.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literal syntax that a {@code .npy} header uses: dicts, tuples,
 * lists, quoted strings, integers, {@code True}, {@code False} and {@code None}. Dicts become
 * {@link Map}s, tuples and lists {@link List}s, integers {@link Long}s.
 */
final class PyLiteral {
    private final String text;
    private int pos;
    private int depth;

    /** numpy writes depth 2 (a dict holding a tuple); deep nesting is a hostile header. */
    static final int MAX_DEPTH = 16;

    private PyLiteral(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text}, which may have trailing whitespace.
     *
     * @throws IllegalArgumentException with what was expected and where, on any syntax error
     */
    static Object parse(String text) {
        PyLiteral p = new PyLiteral(text);
        Object value = p.value();
        p.skipSpaces();
        if (p.pos != text.length()) {
            throw p.error("end of header");
        }
        return value;
    }

    private Object value() {
        skipSpaces();
        char c = peek();
        if ((c == '{' || c == '(' || c == '[') && depth == MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " levels of nesting");
        }
        depth++;
        Object value =
                switch (c) {
                    case '{' -> dict();
                    case '(' -> sequence(')');
                    case '[' -> sequence(']');
                    case '\'', '"' -> string(c);
                    default -> c == '-' || Character.isDigit(c) ? integer() : word();
                };
        depth--;
        return value;
    }

    private Map<Object, Object> dict() {
        Map<Object, Object> map = new LinkedHashMap<>();
        pos++;
        while (!at('}')) {
            Object key = value();
            expect(':');
            map.put(key, value());
            if (!at('}')) {
                expect(',');
            }
        }
        pos++;
        return map;
    }

    private List<Object> sequence(char close) {
        List<Object> items = new ArrayList<>();
        pos++;
        while (!at(close)) {
            items.add(value());
            if (!at(close)) {
                expect(',');
            }
        }
        pos++;
        return items;
    }

    private String string(char quote) {
        StringBuilder s = new StringBuilder();
        pos++;
        while (peek() != quote) {
            if (text.charAt(pos) == '\\') {
                pos++;
            }
            s.append(peek());
            pos++;
        }
        pos++;
        return s.toString();
    }

    private Long integer() {
        int start = pos;
        pos++;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        // Python 2 era headers may write long dimensions as 3L.
        String digits = text.substring(start, pos);
        if (pos < text.length() && text.charAt(pos) == 'L') {
            pos++;
        }
        if (digits.equals("-") || new BigInteger(digits).bitLength() > 63) {
            throw error("an integer below 2^63");
        }
        return Long.parseLong(digits);
    }

    private Object word() {
        for (String w : new String[] {"True", "False", "None"}) {
            if (text.startsWith(w, pos)) {
                pos += w.length();
                return w.equals("None") ? null : Boolean.valueOf(w.equals("True"));
            }
        }
        throw error("a value");
    }

    /** Skips spaces and tells whether {@code c} is next, without consuming it. */
    private boolean at(char c) {
        skipSpaces();
        return peek() == c;
    }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("more text");
        }
        return text.charAt(pos);
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("expected " + expected + " at offset " + pos);
    }
}
