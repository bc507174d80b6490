package io.dlkit.cli.pipeline;

import io.dlkit.api.pipeline.OutputLocations;
import io.dlkit.api.pipeline.ParamType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts values to the type a parameter or input declares, strictly: a value written in the file
 * must already have that type (an int where an int is expected; ints are accepted as floats;
 * numbers and booleans as strings), while text from {@code --set} is parsed. Paths are resolved to
 * absolute paths against a base directory.
 */
final class ValueConverter {
    private ValueConverter() {}

    /** A value that does not fit; the message reads {@code expected int, got string "abc"}. */
    static final class ConversionException extends Exception {
        ConversionException(String message) {
            super(message);
        }

        static ConversionException expected(ParamType type, Object got) {
            return new ConversionException(
                    "expected " + type.displayName() + ", got " + Values.describe(got));
        }
    }

    /** Converts a value as written in the file (or given by a typed pipeline input). */
    static Object convert(Object value, ParamType type, Path baseDir) throws ConversionException {
        return switch (type) {
            case STRING -> {
                if (value instanceof String
                        || value instanceof Number
                        || value instanceof Boolean
                        || value instanceof Path) {
                    yield value.toString();
                }
                throw ConversionException.expected(type, value);
            }
            case INT -> toInt(value);
            case FLOAT -> {
                if (value instanceof Number n && (Values.isInteger(n) || Values.isFloat(n))) {
                    yield n.doubleValue();
                }
                throw ConversionException.expected(type, value);
            }
            case BOOL -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw ConversionException.expected(type, value);
            }
            case PATH -> toPath(value, baseDir);
            case PATHS -> toPaths(value, baseDir);
            case OUTPUT -> output(value, false);
            case LIST -> {
                if (value instanceof List<?>) {
                    yield value;
                }
                throw ConversionException.expected(type, value);
            }
            case MAP -> {
                if (value instanceof Map<?, ?>) {
                    yield value;
                }
                throw ConversionException.expected(type, value);
            }
        };
    }

    /** Parses text from the command line ({@code --set k=v}) into the declared type. */
    static Object parse(String text, ParamType type, Path baseDir) throws ConversionException {
        String t = text.strip();
        try {
            return switch (type) {
                case STRING -> text;
                case INT -> toInt(new BigInteger(t));
                case FLOAT -> Double.parseDouble(t);
                case BOOL -> parseBool(t);
                case PATH -> toPath(text, baseDir);
                case PATHS ->
                        t.startsWith("[")
                                ? convert(yaml(text), type, baseDir)
                                : toPath(text, baseDir);
                case OUTPUT -> output(text, false);
                case LIST, MAP -> convert(yaml(text), type, baseDir);
            };
        } catch (NumberFormatException | PipelineException e) {
            throw ConversionException.expected(type, text);
        }
    }

    /** Text as a YAML value ({@code [1, 2]}, {@code {a: 1}}), read like the pipeline file. */
    private static Object yaml(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return NodeReader.read("--set", bytes, true, new ArrayList<>()).toPlain();
    }

    private static Boolean parseBool(String text) throws ConversionException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ConversionException.expected(ParamType.BOOL, text);
        };
    }

    private static Integer toInt(Object value) throws ConversionException {
        if (!Values.isInteger(value)) {
            throw ConversionException.expected(ParamType.INT, value);
        }
        BigInteger big = new BigInteger(value.toString());
        if (big.bitLength() > 31) {
            throw new ConversionException(
                    "int "
                            + value
                            + " is out of range ("
                            + Integer.MIN_VALUE
                            + " to "
                            + Integer.MAX_VALUE
                            + ")");
        }
        return big.intValue();
    }

    /**
     * An output location: text that stays inside the run's output folder (see {@link
     * OutputLocations}), normalized; {@code allowOutside} lifts the rule.
     */
    static String output(Object value, boolean allowOutside) throws ConversionException {
        if (!(value instanceof String) && !(value instanceof Path)) {
            throw ConversionException.expected(ParamType.OUTPUT, value);
        }
        try {
            return OutputLocations.check(value.toString(), allowOutside);
        } catch (IllegalArgumentException e) {
            throw new ConversionException(e.getMessage());
        }
    }

    /** One path stays a path; a list becomes a list of paths (possibly empty), each resolved. */
    private static Object toPaths(Object value, Path baseDir) throws ConversionException {
        if (!(value instanceof List<?> list)) {
            if (value instanceof String || value instanceof Path) {
                return toPath(value, baseDir);
            }
            throw ConversionException.expected(ParamType.PATHS, value);
        }
        List<Path> paths = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String) && !(item instanceof Path)) {
                throw new ConversionException(
                        "expected paths, got "
                                + Values.describe(item)
                                + " at ["
                                + paths.size()
                                + "]");
            }
            paths.add(toPath(item, baseDir));
        }
        return List.copyOf(paths);
    }

    private static Path toPath(Object value, Path baseDir) throws ConversionException {
        if (value instanceof Path p) {
            return baseDir.resolve(p).normalize();
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw ConversionException.expected(ParamType.PATH, value);
        }
        try {
            return baseDir.resolve(s).normalize();
        } catch (InvalidPathException e) {
            throw new ConversionException("invalid path " + Values.quote(s) + ": " + e.getReason());
        }
    }
}
