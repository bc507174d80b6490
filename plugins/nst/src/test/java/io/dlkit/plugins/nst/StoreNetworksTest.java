package io.dlkit.plugins.nst;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

/** The rewrite that puts an imported layers model on the pixels and drops its classifier head. */
class StoreNetworksTest {
    @Test
    void should_drop_the_head_and_run_the_layers_on_the_scaled_pixels() {
        // given: input_1 -> a (Relu) -> b (Neg) -> head (Relu); keep up to b
        GraphDef def =
                GraphDef.newBuilder()
                        .addNode(
                                NodeDef.newBuilder()
                                        .setName("input_1")
                                        .setOp("Placeholder")
                                        .putAttr("dtype", type()))
                        .addNode(op("a", "Relu", "input_1"))
                        .addNode(op("b", "Neg", "a"))
                        .addNode(op("head", "Relu", "b"))
                        .build();

        // when
        GraphDef rewritten = StoreNetworks.onPixels(StoreNetworks.upTo(def, "b"), 0.5f, 1, 2);

        // then: b = -relu(0.5 * pixels)
        assertThat(rewritten.getNodeList()).extracting(NodeDef::getName).doesNotContain("head");
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            g.graph().importGraphDef(rewritten);
            try (TFloat32 x =
                            TFloat32.tensorOf(
                                    Shape.of(1, 1, 2, 3),
                                    DataBuffers.of(new float[] {2, -4, 6, 8, 0, -2}, true, false));
                    TFloat32 out =
                            (TFloat32)
                                    g.session()
                                            .runner()
                                            .feed(StoreNetworks.PIXELS, x)
                                            .fetch("b")
                                            .run()
                                            .get(0)) {
                float[] v = new float[6];
                out.asRawTensor().data().asFloats().read(v);
                assertThat(v).containsExactly(-1f, -0f, -3f, -4f, -0f, -0f);
            }
        }
    }

    private static NodeDef op(String name, String op, String input) {
        return NodeDef.newBuilder()
                .setName(name)
                .setOp(op)
                .addInput(input)
                .putAttr("T", type())
                .build();
    }

    private static AttrValue type() {
        return AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();
    }
}
