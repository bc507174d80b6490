package io.dlkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;

/** Assertions on float arrays read back from tensors, with messages that show both arrays. */
public final class TensorAsserts {
    private TensorAsserts() {}

    /**
     * Asserts that {@code actual} and {@code expected} have the same length and that every pair
     * differs by at most {@code tolerance * max(1, |expected|)}: absolute near zero, relative for
     * large values.
     */
    public static void assertAllClose(float[] actual, float[] expected, double tolerance) {
        assertThat(actual).as("values").hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double allowed = tolerance * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(actual[i] - expected[i]) <= allowed)) {
                fail(
                        "element %d: expected %s but was %s (tolerance %s)%nexpected: %s%nactual:   %s",
                        i,
                        expected[i],
                        actual[i],
                        allowed,
                        Arrays.toString(expected),
                        Arrays.toString(actual));
            }
        }
    }

    /** Asserts that every value is finite (no NaN, no infinity). */
    public static void assertAllFinite(float[] actual) {
        for (int i = 0; i < actual.length; i++) {
            if (!Float.isFinite(actual[i])) {
                fail("element %d is %s: %s", i, actual[i], Arrays.toString(actual));
            }
        }
    }

    /** Asserts that at least one pair of values differs. */
    public static void assertNotAllEqual(float[] a, float[] b, String what) {
        if (Arrays.equals(a, b)) {
            fail("%s: expected a difference, both are %s", what, Arrays.toString(a));
        }
    }
}
