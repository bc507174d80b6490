package io.dlkit.backend.runtime;

import java.util.Locale;

/**
 * What the user asked for with {@code --device}: {@code cpu}, {@code gpu}, {@code gpu:N} or {@code
 * auto} (a GPU when TensorFlow sees one, else the CPU).
 *
 * @param kind the device kind
 * @param index the GPU index (0 for {@code gpu}; ignored for the others)
 */
public record DeviceRequest(Kind kind, int index) {
    /** The device kinds. */
    public enum Kind {
        /** The CPU. */
        CPU,
        /** A GPU by index; an error when absent. */
        GPU,
        /** A GPU when present, else the CPU. */
        AUTO
    }

    /** The CPU. */
    public static final DeviceRequest CPU = new DeviceRequest(Kind.CPU, 0);

    /**
     * Parses {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}.
     *
     * @throws IllegalArgumentException with a one-line message for anything else
     */
    public static DeviceRequest parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("cpu")) return CPU;
        if (s.equals("auto")) return new DeviceRequest(Kind.AUTO, 0);
        if (s.equals("gpu")) return new DeviceRequest(Kind.GPU, 0);
        if (s.startsWith("gpu:")) {
            try {
                int n = Integer.parseInt(s.substring(4));
                if (n >= 0) return new DeviceRequest(Kind.GPU, n);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException(
                "invalid device '" + text + "': use cpu, gpu, gpu:N (N >= 0) or auto");
    }

    @Override
    public String toString() {
        return kind == Kind.GPU ? "gpu:" + index : kind.name().toLowerCase(Locale.ROOT);
    }
}
