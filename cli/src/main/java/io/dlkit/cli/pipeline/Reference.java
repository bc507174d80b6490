package io.dlkit.cli.pipeline;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ${...}} reference in a pipeline file: {@code ${inputs.NAME}} names a pipeline input,
 * {@code ${STEP.OUTPUT}} a step's output.
 *
 * @param source {@code inputs} or the step id
 * @param name the input or output name
 */
public record Reference(String source, String name) {
    static final String INPUTS = "inputs";
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern INNER = Pattern.compile("([A-Za-z][\\w-]*)\\.([A-Za-z][\\w-]*)");

    /** Thrown for a {@code ${...}} that is neither form. */
    static final class MalformedException extends Exception {
        MalformedException(String inner) {
            super("malformed reference '${" + inner + "}': use ${inputs.NAME} or ${STEP.OUTPUT}");
        }
    }

    /** Whether this names a pipeline input rather than a step output. */
    public boolean isInput() {
        return source.equals(INPUTS);
    }

    /** The reference when the whole text is one {@code ${...}}, else empty. */
    static Optional<Reference> whole(String text) throws MalformedException {
        Matcher m = PLACEHOLDER.matcher(text.strip());
        return m.matches() ? Optional.of(parse(m.group(1))) : Optional.empty();
    }

    static Reference parse(String inner) throws MalformedException {
        Matcher m = INNER.matcher(inner.strip());
        if (!m.matches()) {
            throw new MalformedException(inner);
        }
        return new Reference(m.group(1), m.group(2));
    }

    /** The reference as written: {@code ${load.image}}. */
    @Override
    public String toString() {
        return "${" + source + "." + name + "}";
    }
}
