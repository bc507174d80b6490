package io.dlkit.plugins.embeddings.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SIMD row arithmetic (the Vector API; surefire runs with its module) against the plain-Java
 * one and against sums in double precision, at row offsets and lengths that leave columns over for
 * the scalar tail (D = 100 = 12 x 8 + 4; 7 is all tail; 33 one vector step of 32 + 1).
 */
class RowMathTest {
    private static final RowMath SIMD = RowMath.choose(true);
    private static final RowMath SCALAR = new ScalarRowMath();

    @Test
    void should_use_the_vector_api_when_its_module_is_present_and_plain_java_when_turned_off() {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(SIMD).isInstanceOf(SimdRowMath.class);
        assertThat(SIMD.describe()).startsWith("simd ");
        assertThat(RowMath.best()).isInstanceOf(SimdRowMath.class);
        assertThat(RowMath.choose(false)).isInstanceOf(ScalarRowMath.class);
    }

    @Test
    void should_compute_the_dot_product_of_two_rows_as_in_double_precision() {
        Random random = new Random(7);
        for (int n : new int[] {7, 33, 100, 300}) {
            float[] a = randomRows(random, 3, n);
            float[] b = randomRows(random, 2, n);
            double exact = 0;
            for (int c = 0; c < n; c++) exact += (double) a[2 * n + c] * b[n + c];

            assertThat((double) SIMD.dot(a, 2 * n, b, n, n)).isCloseTo(exact, within(1e-5));
            assertThat((double) SCALAR.dot(a, 2 * n, b, n, n)).isCloseTo(exact, within(1e-5));
        }
    }

    @Test
    void should_update_the_output_row_and_the_accumulated_gradient_in_one_pass() {
        Random random = new Random(11);
        for (RowMath math : new RowMath[] {SIMD, SCALAR}) {
            for (int n : new int[] {7, 33, 100}) {
                float g = 0.0375f;
                float[] in = randomRows(random, 2, n);
                float[] out = randomRows(random, 3, n);
                float[] acc = randomRows(random, 1, n);
                float[] out0 = out.clone();
                float[] acc0 = acc.clone();

                math.exchange(g, in, n, out, n, acc, n);

                for (int c = 0; c < n; c++) {
                    // acc += g out (the row before its update); out += g in
                    assertThat(acc[c]).isCloseTo(acc0[c] + g * out0[n + c], within(1e-6f));
                    assertThat(out[n + c]).isCloseTo(out0[n + c] + g * in[n + c], within(1e-6f));
                }
                // rows 0 and 2 of out are untouched
                assertThat(out[n - 1]).isEqualTo(out0[n - 1]);
                assertThat(out[2 * n]).isEqualTo(out0[2 * n]);
            }
        }
    }

    @Test
    void should_add_a_scaled_row_to_another() {
        Random random = new Random(13);
        for (int n : new int[] {7, 33, 100}) {
            float[] x = randomRows(random, 1, n);
            float[] y = randomRows(random, 2, n);
            float[] expected = y.clone();
            for (int c = 0; c < n; c++) expected[n + c] = (float) (y[n + c] + 0.5 * x[c]);

            SIMD.axpy(0.5f, x, 0, y, n, n);

            for (int c = 0; c < 2 * n; c++) {
                assertThat(y[c]).isCloseTo(expected[c], within(1e-6f));
            }
        }
    }

    private static float[] randomRows(Random random, int rows, int n) {
        float[] m = new float[rows * n];
        for (int i = 0; i < m.length; i++) m[i] = random.nextFloat() * 2 - 1;
        return m;
    }
}
