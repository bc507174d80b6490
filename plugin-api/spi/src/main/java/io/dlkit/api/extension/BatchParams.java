package io.dlkit.api.extension;

import io.dlkit.api.DlkitException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch task's parameters with their defaults filled in, read as typed values; every bad value is
 * a one-line error naming the task and the option ({@code --conf}).
 *
 * <pre>{@code
 * BatchParams p = BatchParams.of("detect", params(), given);
 * float conf = (float) p.number("conf");
 * }</pre>
 */
public final class BatchParams {
    private final String task;
    private final Map<String, String> values;

    private BatchParams(String task, Map<String, String> values) {
        this.task = task;
        this.values = values;
    }

    /**
     * The values {@code given}, over the defaults of {@code declared}.
     *
     * @throws DlkitException (exit 2) for a parameter not declared, or a required one missing
     */
    public static BatchParams of(
            String task, List<BatchTaskProvider.Param> declared, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (BatchTaskProvider.Param p : declared) values.put(p.name(), p.defaultValue());
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw DlkitException.invalidInput(
                        "batch "
                                + task
                                + ": unknown option "
                                + option(e.getKey())
                                + known(declared));
            }
            values.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue() == null) {
                throw DlkitException.invalidInput(
                        "batch " + task + ": missing " + option(e.getKey()) + " VALUE");
            }
        }
        return new BatchParams(task, values);
    }

    /** The text value of {@code name}. */
    public String string(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalArgumentException(name + " is not a declared parameter");
        return v;
    }

    /** The number value of {@code name}. */
    public double number(String name) {
        try {
            return Double.parseDouble(string(name));
        } catch (NumberFormatException e) {
            throw bad(name, "a number");
        }
    }

    /** The whole-number value of {@code name}. */
    public int integer(String name) {
        try {
            return Integer.parseInt(string(name));
        } catch (NumberFormatException e) {
            throw bad(name, "a whole number");
        }
    }

    /** The boolean value of {@code name}: {@code true} or {@code false}. */
    public boolean bool(String name) {
        String v = string(name);
        if (v.equals("true") || v.equals("false")) return Boolean.parseBoolean(v);
        throw bad(name, "true or false");
    }

    /** The comma-separated values of {@code name}, stripped; empty when the value is empty. */
    public List<String> list(String name) {
        String v = string(name).strip();
        return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(String::strip).toList();
    }

    private DlkitException bad(String name, String what) {
        return DlkitException.invalidInput(
                "batch "
                        + task
                        + ": "
                        + option(name)
                        + " must be "
                        + what
                        + ", got '"
                        + values.get(name)
                        + "'");
    }

    /** {@code conf_threshold} as the option {@code --conf-threshold}. */
    public static String option(String name) {
        return "--" + name.replace('_', '-');
    }

    private static String known(List<BatchTaskProvider.Param> declared) {
        return declared.isEmpty()
                ? " (it takes none)"
                : " (known: "
                        + String.join(", ", declared.stream().map(p -> option(p.name())).toList())
                        + ")";
    }
}
