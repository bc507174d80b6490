package io.dlkit.plugins.detector.darknet;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code [section]} of a Darknet {@code .cfg} file: its type ({@code convolutional}, ...), the
 * line of its header, and its {@code key=value} options with their lines. The typed getters report
 * a malformed value with the file and line.
 */
public record CfgSection(String source, String type, int line, Map<String, Option> options) {
    /** One option's value (trimmed) and line. */
    public record Option(String value, int line) {}

    /** Copies the map (keeping its order). */
    public CfgSection {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The option as an integer, or {@code fallback} when absent. */
    public int integer(String key, int fallback) {
        Option o = options.get(key);
        if (o == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(o.value());
        } catch (NumberFormatException e) {
            throw error(
                    o.line(), key + "=" + o.value() + " is not a whole number", "fix the value");
        }
    }

    /** The option as text, or {@code fallback} when absent. */
    public String text(String key, String fallback) {
        Option o = options.get(key);
        return o == null ? fallback : o.value();
    }

    /** A comma-separated list of integers ({@code layers=-1,-4}); empty when absent. */
    public List<Integer> integers(String key) {
        List<Integer> out = new ArrayList<>();
        for (String v : list(key)) {
            try {
                out.add(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                throw error(
                        options.get(key).line(),
                        key + " has '" + v + "', not a whole number",
                        "write whole numbers separated by commas");
            }
        }
        return out;
    }

    /** A comma-separated list of numbers ({@code anchors=1.08,1.19, ...}); empty when absent. */
    public List<Float> floats(String key) {
        List<Float> out = new ArrayList<>();
        for (String v : list(key)) {
            try {
                out.add(Float.parseFloat(v));
            } catch (NumberFormatException e) {
                throw error(
                        options.get(key).line(),
                        key + " has '" + v + "', not a number",
                        "write numbers separated by commas");
            }
        }
        return out;
    }

    /** The line of an option, or of the section header when the option is absent. */
    public int lineOf(String key) {
        Option o = options.get(key);
        return o == null ? line : o.line();
    }

    /** A one-line invalid-input error at {@code source:line}. */
    public DlkitException error(int atLine, String what, String fix) {
        return new DlkitException(ExitCode.USAGE, source + ":" + atLine + ": " + what + "; " + fix);
    }

    private List<String> list(String key) {
        Option o = options.get(key);
        if (o == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : o.value().split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
