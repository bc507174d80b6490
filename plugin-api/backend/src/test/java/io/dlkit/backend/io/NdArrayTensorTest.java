package io.dlkit.backend.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/** Loads the TensorFlow native runtime (test scope only). */
class NdArrayTensorTest {
    static Stream<NdArray> arrays() {
        return NpyTest.arrays();
    }

    @ParameterizedTest
    @MethodSource("arrays")
    void should_round_trip_through_a_tensor_of_the_matching_type(NdArray array) {
        try (Tensor t = array.toTensor()) {
            assertThat(t.shape()).isEqualTo(Shape.of(array.shape()));
            assertThat(NdArray.fromTensor(t)).isEqualTo(array);
        }
    }

    @Test
    void should_lay_out_values_row_major_in_the_tensor() {
        // given
        NdArray a = NdArray.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);

        // when
        try (TFloat32 t = (TFloat32) a.toTensor()) {
            // then: element [1, 0] is the fourth value
            assertThat(t.dataType()).isEqualTo(DataType.DT_FLOAT);
            assertThat(t.getFloat(1, 0)).isEqualTo(3f);
            assertThat(t.getFloat(0, 2)).isEqualTo(2f);
        }
    }

    @Test
    void should_map_uint8_and_bool_to_their_tensorflow_types() {
        try (Tensor u = NdArray.of(new byte[] {(byte) 255}, 1).toTensor();
                Tensor b = NdArray.of(new boolean[] {false, true}, 2).toTensor()) {
            assertThat(u).isInstanceOf(TUint8.class);
            assertThat(((TUint8) u).getByte(0)).isEqualTo((byte) 255);
            assertThat(b).isInstanceOf(TBool.class);
            assertThat(((TBool) b).getBoolean(1)).isTrue();
        }
    }

    @Test
    void should_reject_a_string_tensor() {
        try (TString s = TString.scalarOf("x")) {
            assertThatThrownBy(() -> NdArray.fromTensor(s))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "cannot copy a DT_STRING tensor into an NdArray (supported: TFloat32,"
                                    + " TFloat64, TInt32, TInt64, TUint8, TBool); cast it first, e.g. with"
                                    + " tf.dtypes.cast");
        }
    }
}
