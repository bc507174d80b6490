package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/** space_to_depth against its index formula, by hand on a 4x4x1 image. */
class SpaceToDepthLayerTest {
    @Test
    void should_move_each_2x2_block_into_four_channels_in_row_major_order() {
        // given: A[y, x] = 4y + x on a 4x4 image; block (0, 0) holds A[0,0], A[0,1], A[1,0], A[1,1]
        float[] image = new float[16];
        for (int i = 0; i < 16; i++) image[i] = i;
        Sequential model =
                Sequential.fromConfig(
                        Map.of(
                                "input_shape",
                                List.of(4, 4, 1),
                                "layers",
                                List.of(Map.of("type", "space_to_depth"))));
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            var x = g.tf().placeholder(TFloat32.class);
            var f = model.forward(g, x, g.tf().constant(false));
            float[] out;
            try (TFloat32 in = Tensors.floats(image, 1, 4, 4, 1);
                    Result r = g.session().runner().feed(x, in).fetch(f.output()).run()) {
                out = Tensors.toFloats(r.get(0));
            }
            // then: out[y, x, dy 2 + dx] = A[2y + dy, 2x + dx]
            assertThat(model.layerOutputShapes().get(0)).containsExactly(2, 2, 4);
            assertThat(out).containsExactly(0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15);
        }
    }

    @Test
    void should_refuse_a_size_that_is_not_a_multiple_of_the_block() {
        Sequential model =
                Sequential.fromConfig(
                        Map.of(
                                "input_shape",
                                List.of(5, 4, 3),
                                "layers",
                                List.of(Map.of("type", "space_to_depth"))));
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            var x = g.tf().placeholder(TFloat32.class);
            assertThatThrownBy(() -> model.forward(g, x, g.tf().constant(false)))
                    .hasMessage(
                            "space_to_depth layer 'space_to_depth_1' needs an input [height,"
                                    + " width, channels] with height and width multiples of"
                                    + " block_size 2, got [5, 4, 3]");
        }
    }
}
