package io.dlkit.backend.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fused ops written as TF.js writes them, expanded and run: values by hand. Input x = [1, -2];
 * weights are identities, so each fused op's tail is what the numbers show.
 */
class FusedOpsTest {
    @TempDir Path dir;

    @Test
    void should_expand_fused_matmul_with_bias_and_leaky_relu() throws Exception {
        // x W + b = [1.5, -1.5]; leaky relu (alpha 0.1) -> [1.5, -0.15]
        NdArray y = run(matmul("LeakyRelu", ", \"leakyrelu_alpha\": {\"f\": 0.1}"), "y");
        assertThat(y.floats()).containsExactly(1.5f, -0.15f);
    }

    @Test
    void should_expand_fused_matmul_with_bias_and_prelu() throws Exception {
        // prelu with alpha [0.2, 0.3]: [1.5, 0.3 * -1.5] = [1.5, -0.45]
        NdArray y = run(matmul("Prelu", ""), "y");
        assertThat(y.floats()[0]).isEqualTo(1.5f);
        assertThat(y.floats()[1]).isCloseTo(-0.45f, org.assertj.core.data.Offset.offset(1e-7f));
    }

    @Test
    void should_expand_fused_conv_with_batch_norm_and_relu() throws Exception {
        // 1x1 identity conv on [1,1,1,2]; (x - 0) / sqrt(1 + 0) * [2, 1] + [0, 1] = [2, -1]; relu
        String nodes =
                """
                {"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"},
                  "shape": {"shape": {"dim": [{"size": "1"}, {"size": "1"}, {"size": "1"}, {"size": "2"}]}}}},
                %s, %s, %s, %s, %s,
                {"name": "y", "op": "_FusedConv2D", "input": ["x", "w", "scale", "offset", "mean", "var"],
                 "attr": {"T": {"type": "DT_FLOAT"}, "strides": {"list": {"i": ["1", "1", "1", "1"]}},
                  "padding": {"s": "U0FNRQ=="}, "num_args": {"i": "4"}, "epsilon": {"f": 0},
                  "fused_ops": {"list": {"s": ["%s", "%s"]}}}}
                """
                        .formatted(
                                constNode("w"),
                                constNode("scale"),
                                constNode("offset"),
                                constNode("mean"),
                                constNode("var"),
                                b64("FusedBatchNorm"),
                                b64("Relu"));
        Path json =
                model(
                        nodes,
                        new String[] {"w", "scale", "offset", "mean", "var"},
                        new long[][] {{1, 1, 2, 2}, {2}, {2}, {2}, {2}},
                        new float[][] {{1, 0, 0, 1}, {2, 1}, {0, 1}, {0, 0}, {1, 1}});

        NdArray y = run(json, "y", NdArray.of(new float[] {1, -2}, 1, 1, 1, 2));

        assertThat(y.floats()).containsExactly(2f, 0f);
    }

    @Test
    void should_name_a_fused_op_it_cannot_expand() throws Exception {
        Path json = matmul("Swish", "");

        assertThatThrownBy(() -> GraphModelFile.read(json))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        json
                                + ": node 'y' (_FusedMatMul) fuses 'Swish', which dlkit cannot"
                                + " expand yet; supported: BiasAdd, FusedBatchNorm, Relu, Relu6, Elu,"
                                + " Sigmoid, Tanh, LeakyRelu, Prelu");
    }

    private Path matmul(String activation, String extraAttr) throws Exception {
        boolean prelu = activation.equals("Prelu");
        String nodes =
                """
                {"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"},
                  "shape": {"shape": {"dim": [{"size": "1"}, {"size": "2"}]}}}},
                %s, %s, %s,
                {"name": "y", "op": "_FusedMatMul", "input": ["x", "w", "b"%s],
                 "attr": {"T": {"type": "DT_FLOAT"}, "transpose_a": {"b": false},
                  "transpose_b": {"b": false}, "num_args": {"i": "%d"},
                  "fused_ops": {"list": {"s": ["%s", "%s"]}}%s}}
                """
                        .formatted(
                                constNode("w"),
                                constNode("b"),
                                constNode("alpha"),
                                prelu ? ", \"alpha\"" : "",
                                prelu ? 2 : 1,
                                b64("BiasAdd"),
                                b64(activation),
                                extraAttr);
        return model(
                nodes,
                new String[] {"w", "b", "alpha"},
                new long[][] {{2, 2}, {2}, {2}},
                new float[][] {{1, 0, 0, 1}, {0.5f, 0.5f}, {0.2f, 0.3f}});
    }

    private NdArray run(Path json, String output) {
        return run(json, output, NdArray.of(new float[] {1, -2}, 1, 2));
    }

    private NdArray run(Path json, String output, NdArray x) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            GraphModel m = GraphModel.load(g, GraphModelFile.read(json));
            return m.run(Map.of("x", x), java.util.List.of(output)).get(output);
        }
    }

    private Path model(String nodes, String[] names, long[][] shapes, float[][] values)
            throws Exception {
        StringBuilder specs = new StringBuilder();
        int floats = 0;
        for (float[] v : values) floats += v.length;
        ByteBuffer bin = ByteBuffer.allocate(floats * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < names.length; i++) {
            specs.append(i == 0 ? "" : ", ")
                    .append("{\"name\": \"")
                    .append(names[i])
                    .append("\", \"dtype\": \"float32\", \"shape\": ")
                    .append(java.util.Arrays.toString(shapes[i]))
                    .append('}');
            for (float f : values[i]) bin.putFloat(f);
        }
        Files.write(dir.resolve("m.bin"), bin.array());
        Path json = dir.resolve("model.json");
        Files.writeString(
                json,
                "{\"format\": \"graph-model\", \"modelTopology\": {\"node\": ["
                        + nodes
                        + "]}, \"weightsManifest\": [{\"paths\": [\"m.bin\"], \"weights\": ["
                        + specs
                        + "]}]}");
        return json;
    }

    private static String constNode(String name) {
        return "{\"name\": \""
                + name
                + "\", \"op\": \"Const\", \"attr\": {\"dtype\": {\"type\":"
                + " \"DT_FLOAT\"}, \"value\": {\"tensor\": {\"dtype\": \"DT_FLOAT\"}}}}";
    }

    private static String b64(String s) {
        return Base64.getEncoder()
                .encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
