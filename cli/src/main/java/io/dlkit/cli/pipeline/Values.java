package io.dlkit.cli.pipeline;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Describes values for messages: {@code string "abc"}, {@code int 3}, {@code a list}. */
final class Values {
    private static final int MAX_SHOWN = 60;

    private Values() {}

    static String describe(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String s) {
            return "string " + quote(s);
        } else if (isInteger(value)) {
            return "int " + value;
        } else if (value instanceof Number) {
            return "float " + value;
        } else if (value instanceof Boolean) {
            return "bool " + value;
        } else if (value instanceof Path p) {
            return "path " + quote(p.toString());
        } else if (value instanceof List<?>) {
            return "a list";
        } else if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        return value.getClass().getSimpleName() + " " + quote(value.toString());
    }

    static boolean isInteger(Object value) {
        return value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof BigInteger;
    }

    static boolean isFloat(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof BigDecimal;
    }

    /** Quotes text for a one-line message: control characters escaped, long text shortened. */
    static String quote(String text) {
        return "\"" + printable(text, MAX_SHOWN) + "\"";
    }

    /** Text made safe for one line of a terminal, at most {@code max} characters. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .limit(max)
                .forEach(
                        cp -> {
                            if (Character.isISOControl(cp)
                                    || !Character.isDefined(cp)
                                    || Character.getType(cp) == Character.SURROGATE) {
                                out.append(String.format("\\u%04x", cp));
                            } else {
                                out.appendCodePoint(cp);
                            }
                        });
        if (text.codePointCount(0, text.length()) > max) {
            out.append("...");
        }
        return out.toString();
    }
}
