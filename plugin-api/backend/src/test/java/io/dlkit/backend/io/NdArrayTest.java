package io.dlkit.backend.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NdArrayTest {
    @Test
    void should_convert_values_to_every_primitive_type_on_demand() {
        // given
        NdArray bytes = NdArray.of(new byte[] {0, 7, (byte) 200}, 3);
        NdArray bools = NdArray.of(new boolean[] {true, false}, 2);
        NdArray floats = NdArray.of(new float[] {-1.75f, 2.5f}, 2);

        // when / then: uint8 reads as unsigned; casts truncate toward zero as Java does
        assertThat(bytes.floats()).containsExactly(0f, 7f, 200f);
        assertThat(bytes.longs()).containsExactly(0L, 7L, 200L);
        assertThat(bools.doubles()).containsExactly(1.0, 0.0);
        assertThat(floats.ints()).containsExactly(-1, 2);
        assertThat(floats.doubles()).containsExactly(-1.75, 2.5);
    }

    @Test
    void should_describe_shape_size_and_type() {
        // given
        NdArray a = NdArray.of(new int[6], 2, 3);
        NdArray scalar = NdArray.of(new double[] {1});

        // when / then
        assertThat(a.size()).isEqualTo(6);
        assertThat(a.rank()).isEqualTo(2);
        assertThat(a.dtype()).isEqualTo(DType.INT32);
        assertThat(a).hasToString("NdArray[INT32 (2, 3)]");
        assertThat(scalar.size()).isEqualTo(1);
        assertThat(scalar).hasToString("NdArray[FLOAT64 ()]");
    }

    @Test
    void should_hand_out_copies_so_the_array_stays_unchanged() {
        // given
        NdArray a = NdArray.of(new float[] {1, 2}, 2);

        // when
        a.floats()[0] = 99;
        a.shape()[0] = 5;

        // then
        assertThat(a.floats()).containsExactly(1f, 2f);
        assertThat(a.shape()).containsExactly(2L);
    }

    @Test
    void should_reject_data_that_does_not_fill_the_shape() {
        assertThatThrownBy(() -> NdArray.of(new float[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data has 5 values but shape (2, 3) needs 6");
    }

    @Test
    void should_reject_a_negative_dimension() {
        assertThatThrownBy(() -> NdArray.of(new long[0], 0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape (0, -1) has a negative dimension or overflows a long");
    }
}
