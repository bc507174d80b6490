package io.dlkit.backend.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.tensor.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@link ConvFusionRewrite} through {@link FrozenGraph}: a padded stem (zero padding, convolution
 * with bias, batch norm, ReLU), a ResNet bottleneck block and a second convolution give the same
 * outputs as the graph with variables (to float rounding, every statistic random), with no batch
 * norm left in the copy and, on the CPU, every convolution running as one fused oneDNN kernel with
 * its bias, residual sum and ReLU.
 */
class ConvFusionRewriteTest {
    private static final List<Object> LAYERS =
            List.of(
                    Map.of("type", "zero_padding", "padding", 1),
                    Map.of(
                            "type",
                            "conv2d",
                            "filters",
                            8,
                            "kernel_size",
                            3,
                            "activation",
                            "relu",
                            "batch_norm",
                            true,
                            "use_bias",
                            true),
                    Map.of("type", "residual_block", "filters", List.of(4, 4, 8)),
                    Map.of(
                            "type",
                            "conv2d",
                            "filters",
                            4,
                            "kernel_size",
                            1,
                            "activation",
                            "relu",
                            "batch_norm",
                            true),
                    Map.of("type", "flatten"),
                    Map.of("type", "dense", "units", 3, "activation", "softmax"));

    @Test
    void should_fold_every_batch_norm_and_keep_the_outputs() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 9)) {
            Model m = build(g);
            randomise(g, new Random(3));
            float[] expected = run(g.session(), m.in, m.x, m.out);
            try (FrozenGraph copy = FrozenGraph.of(g, List.of(m.in, m.out))) {
                float[] got = run(copy.session(), copy.find(m.in), m.x, copy.find(m.out));
                assertClose(got, expected);
                assertThat(opTypes(copy)).doesNotContain("FusedBatchNormV3").contains("AddN");
                assertThat(kernels(copy, m))
                        .as("every convolution fused with its bias, sum and ReLU")
                        .doesNotContain("BiasAdd", "Relu", "Add", "AddN", "AddV2", "PadV2")
                        .contains("_MklNativeFusedConv2D", "_MklNativePadWithFusedConv2D");
            }
            m.x.close();
        }
    }

    @Test
    void should_keep_the_fusion_when_every_folded_bias_is_zero() {
        // freshly initialised: gamma 1, beta 0, mean 0, variance 1, so every folded bias is 0,
        // which the graph optimizer would otherwise drop (and then fuse nothing)
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 9)) {
            Model m = build(g);
            float[] expected = run(g.session(), m.in, m.x, m.out);
            try (FrozenGraph copy = FrozenGraph.of(g, List.of(m.in, m.out))) {
                assertClose(run(copy.session(), copy.find(m.in), m.x, copy.find(m.out)), expected);
                assertThat(opTypes(copy)).contains("PlaceholderWithDefault");
                assertThat(kernels(copy, m)).doesNotContain("BiasAdd", "Relu", "Add", "AddN");
            }
            m.x.close();
        }
    }

    @Test
    void should_keep_zero_biases_so_that_the_activation_still_fuses() {
        // a fresh conv + dense net without batch norm: every bias is 0, which the optimizer would
        // drop, leaving convolution and matmul unfused with their ReLU
        List<Object> layers =
                List.of(
                        Map.of(
                                "type",
                                "conv2d",
                                "filters",
                                4,
                                "kernel_size",
                                3,
                                "activation",
                                "relu"),
                        Map.of("type", "flatten"),
                        Map.of("type", "dense", "units", 5, "activation", "relu"),
                        Map.of("type", "dense", "units", 3, "activation", "softmax"));
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 9)) {
            Model m = build(g, layers);
            float[] expected = run(g.session(), m.in, m.x, m.out);
            try (FrozenGraph copy = FrozenGraph.of(g, List.of(m.in, m.out))) {
                assertClose(run(copy.session(), copy.find(m.in), m.x, copy.find(m.out)), expected);
                assertThat(kernels(copy, m))
                        .doesNotContain("Relu", "BiasAdd")
                        .contains("_MklNativeFusedConv2D", "_MklNativeFusedMatMul");
            }
            m.x.close();
        }
    }

    @Test
    void should_leave_a_batch_norm_whose_convolution_is_also_read_elsewhere() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 9)) {
            Model m = build(g);
            randomise(g, new Random(4));
            GraphOperation conv = firstOfType(g, "Conv2D");
            Operand<TFloat32> convOut = conv.output(0);
            try (FrozenGraph copy = FrozenGraph.of(g, List.of(m.in, m.out, convOut))) {
                assertClose(
                        run(copy.session(), copy.find(m.in), m.x, copy.find(m.out)),
                        run(g.session(), m.in, m.x, m.out));
                assertThat(opTypes(copy)).contains("FusedBatchNormV3");
            }
            try (FrozenGraph whole = FrozenGraph.of(g, List.of(m.in, m.out))) {
                assertThat(opTypes(whole)).doesNotContain("FusedBatchNormV3");
            }
            m.x.close();
        }
    }

    private record Model(Placeholder<TFloat32> in, Operand<TFloat32> out, Tensor x) {}

    private static Model build(GraphContext g) {
        return build(g, LAYERS);
    }

    private static Model build(GraphContext g, List<Object> layers) {
        Sequential net =
                Sequential.fromConfig(Map.of("input_shape", List.of(6, 6, 2), "layers", layers));
        var in = g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 6, 6, 2)));
        var out = net.forward(g, in, g.tf().constant(false)).output();
        g.session().initialize();
        float[] data = new float[3 * 6 * 6 * 2];
        Random random = new Random(5);
        for (int i = 0; i < data.length; i++) data[i] = random.nextFloat() * 2 - 1;
        return new Model(in, out, TFloat32.tensorOf(Shape.of(3, 6, 6, 2), DataBuffers.of(data)));
    }

    /** Every float variable random; moving variances positive. */
    private static void randomise(GraphContext g, Random random) {
        for (WeightVariable<?> v : g.variables()) {
            if (v.read().type() != TFloat32.class) continue;
            Shape shape = v.variable().shape();
            float[] values = new float[(int) shape.size()];
            boolean variance = v.name().endsWith("moving_variance");
            for (int i = 0; i < values.length; i++) {
                values[i] =
                        variance
                                ? 0.3f + 2 * random.nextFloat()
                                : (float) (random.nextGaussian() * 0.5);
            }
            @SuppressWarnings("unchecked")
            var variable = (org.tensorflow.op.core.Variable<TFloat32>) v.variable();
            try (TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(values))) {
                var p = g.tf().placeholder(TFloat32.class, Placeholder.shape(shape));
                g.session().runner().feed(p, t).addTarget(g.tf().assign(variable, p)).run().close();
            }
        }
    }

    private static float[] run(Session s, Operand<?> in, Tensor x, Operand<?> out) {
        try (Result r = s.runner().feed(in, x).fetch(out).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }

    private static void assertClose(float[] got, float[] expected) {
        assertThat(got).hasSameSizeAs(expected);
        for (int i = 0; i < got.length; i++) {
            assertThat((double) got[i])
                    .as("output %d", i)
                    .isCloseTo(
                            expected[i],
                            org.assertj.core.api.Assertions.within(
                                    1e-5 + 1e-5 * Math.abs(expected[i])));
        }
    }

    private static Set<String> opTypes(FrozenGraph copy) {
        Set<String> types = new TreeSet<>();
        copy.graph().operations().forEachRemaining(o -> types.add(o.type()));
        return types;
    }

    /** The kernels a traced run of the copy ran (after the graph optimizer's fusions). */
    private static Set<String> kernels(FrozenGraph copy, Model m) {
        RunTrace trace = new RunTrace(copy.graph(), name -> "all");
        trace.run(copy.session().runner().feed(copy.find(m.in), m.x).fetch(copy.find(m.out)))
                .close();
        @SuppressWarnings("unchecked")
        Map<String, Object> all =
                (Map<String, Object>)
                        ((Map<String, Object>) trace.summary().get("op_ms_per_run")).get("all");
        return new TreeSet<>(all.keySet());
    }

    private static GraphOperation firstOfType(GraphContext g, String type) {
        List<GraphOperation> ops = new ArrayList<>();
        g.graph()
                .operations()
                .forEachRemaining(
                        o -> {
                            if (o.type().equals(type)) ops.add((GraphOperation) o);
                        });
        return ops.get(0);
    }
}
