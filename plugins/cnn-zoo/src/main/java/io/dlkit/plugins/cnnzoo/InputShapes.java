package io.dlkit.plugins.cnnzoo;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The {@code HxWxC} notation of image input shapes on the command line ({@code 224x224x3}). */
public final class InputShapes {
    private InputShapes() {}

    /**
     * Parses {@code HxWxC}, three integers >= 1 separated by {@code x}.
     *
     * @throws IllegalArgumentException with a one-line message showing the expected syntax
     */
    public static long[] parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().toLowerCase().split("x", -1);
        if (parts.length == 3) {
            try {
                long[] shape = Arrays.stream(parts).mapToLong(Long::parseLong).toArray();
                if (Arrays.stream(shape).allMatch(d -> d >= 1)) {
                    return shape;
                }
            } catch (NumberFormatException e) {
                // falls through to the one-line message
            }
        }
        throw new IllegalArgumentException(
                "--input: expected HEIGHTxWIDTHxCHANNELS with integers >= 1, e.g. --input"
                        + " 224x224x3, got '"
                        + text
                        + "'");
    }

    /** {@code [224, 224, 3]} as {@code 224x224x3}. */
    public static String text(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }
}
