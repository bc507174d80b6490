package io.dlkit.api.pipeline;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of one step, with defaults applied. Numbers are converted to the type
 * the step declared; paths are already resolved against the pipeline file's directory.
 */
public final class Params {
    private final Map<String, Object> values;

    /** Wraps validated values (keys are parameter names). */
    public Params(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** All values, by name. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Whether the parameter has a (non-null) value. */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** A string parameter. */
    public String string(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    /** An int parameter. */
    public int integer(String name) {
        return ((Number) require(name)).intValue();
    }

    /** A float parameter. */
    public double number(String name) {
        return ((Number) require(name)).doubleValue();
    }

    /** A boolean parameter. */
    public boolean bool(String name) {
        return (Boolean) require(name);
    }

    /** A path parameter, resolved. */
    public Path path(String name) {
        Object v = require(name);
        return v instanceof Path p ? p : Path.of(v.toString());
    }

    /** A {@link ParamType#PATHS} (or {@link ParamType#PATH}) parameter as a list of paths. */
    public List<Path> paths(String name) {
        if (require(name) instanceof List<?> list) {
            return list.stream().map(v -> v instanceof Path p ? p : Path.of(v.toString())).toList();
        }
        return List.of(path(name));
    }

    /** A list parameter. */
    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        return (List<Object>) require(name);
    }

    /** A map parameter. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        return (Map<String, Object>) require(name);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("parameter '" + name + "' has no value");
        }
        return v;
    }
}
