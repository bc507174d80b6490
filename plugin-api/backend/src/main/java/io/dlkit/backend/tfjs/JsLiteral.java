package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.DataFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for JSON and for the JavaScript object literals TF.js bundles hold: keys may be
 * unquoted, strings may use single quotes, and trailing commas are allowed. Values become {@code
 * Map<String, Object>} (in file order), {@code List<Object>}, {@code String}, {@code Long}
 * (integers that fit), {@code Double}, {@code Boolean} or {@code null}.
 *
 * <pre>{@code
 * Object v = JsLiteral.parse("{a: [1, 2.5, 'x'], \"b\": !0}", "model.js");
 * }</pre>
 */
public final class JsLiteral {
    private final String text;
    private final String source;
    private int pos;

    private JsLiteral(String text, String source, int start) {
        this.text = text;
        this.source = source;
        this.pos = start;
    }

    /**
     * Parses one value that fills {@code text} (surrounding white space allowed).
     *
     * @param source the file name errors mention
     * @throws DataFormatException naming the source and the character offset of a syntax error
     */
    public static Object parse(String text, String source) {
        JsLiteral r = new JsLiteral(text, source, 0);
        Object v = r.value();
        r.skipSpace();
        if (r.pos != text.length()) {
            throw r.error("unexpected '" + text.charAt(r.pos) + "' after the value");
        }
        return v;
    }

    /**
     * Parses the one value that starts at {@code start} and returns it; text after it is ignored
     * (for a literal embedded in JavaScript code).
     */
    public static Object parseAt(String text, int start, String source) {
        return new JsLiteral(text, source, start).value();
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) throw error("unexpected end of text");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"', '\'' -> string();
            default -> bareValue(c);
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            String key = peek() == '"' || peek() == '\'' ? string() : identifier();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (peek() == ',') pos++;
            else if (peek() != '}') throw error("expected ',' or '}' in an object");
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            list.add(value());
            skipSpace();
            if (peek() == ',') pos++;
            else if (peek() != ']') throw error("expected ',' or ']' in an array");
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        int end = text.indexOf(quote, pos);
        if (end >= 0 && noEscape(pos, end)) {
            // no escapes: the common case, and the only fast one for megabytes of base64
            String s = text.substring(pos, end);
            pos = end + 1;
            return s;
        }
        StringBuilder s = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) return s.toString();
            if (c != '\\') {
                s.append(c);
                continue;
            }
            if (pos >= text.length()) break;
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> s.append('\n');
                case 't' -> s.append('\t');
                case 'r' -> s.append('\r');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'u' -> {
                    s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> s.append(e);
            }
        }
        throw error("unterminated string");
    }

    private boolean noEscape(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\\') return false;
        }
        return true;
    }

    private Object bareValue(char c) {
        if (c == '!' && pos + 1 < text.length()) {
            // minifiers write true as !0 and false as !1
            pos++;
            Object v = value();
            return !(v instanceof Number n && n.doubleValue() != 0 || Boolean.TRUE.equals(v));
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) return number();
        String word = identifier();
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null", "undefined" -> null;
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            default -> throw error("unexpected word '" + word + "'");
        };
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "+-.eE0123456789".indexOf(peek()) >= 0) {
            pos++;
        }
        String s = text.substring(start, pos);
        try {
            if (s.matches("[-+]?\\d+")) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException tooBig) {
                    return Double.parseDouble(s);
                }
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error("malformed number '" + s + "'");
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '$')) {
            pos++;
        }
        if (start == pos) throw error("unexpected '" + peek() + "'");
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private DataFormatException error(String what) {
        return new DataFormatException(
                source + ": " + what + " at character " + pos + "; is it a TF.js model file?");
    }
}
