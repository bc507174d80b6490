package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The functional model: forward by hand, gradients by finite differences, names and shapes. */
class FunctionalModelTest {
    private static final int M = 2;

    private static Map<String, Object> layer(String name, String type, List<String> in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type);
        m.put("inputs", in);
        return m;
    }

    private static Map<String, Object> dense(String name, int units, String act, String in) {
        Map<String, Object> m = layer(name, "dense", List.of(in));
        m.put("units", units);
        m.put("activation", act);
        return m;
    }

    /** a, b in R^2: p = (a + b) * a; c = [p, b]; cls = softmax(dense 3), reg = dense 1 of c. */
    private static Map<String, Object> twoHeads() {
        return Map.of(
                "inputs",
                Map.of("a", List.of(2), "b", List.of(2)),
                "layers",
                List.of(
                        layer("s", "add", List.of("a", "b")),
                        layer("p", "multiply", List.of("s", "a")),
                        layer("c", "concat", List.of("p", "b")),
                        dense("cls", 3, "tanh", "c"),
                        dense("reg", 1, "linear", "c")),
                "outputs",
                List.of("cls", "reg"));
    }

    private static WeightVariable<TFloat32> var(GraphContext g, String name, float[] v) {
        return g.variable(
                name, g.tf().constant(Shape.of(M, v.length / M), DataBuffers.of(v)), false);
    }

    @Test
    void should_compute_merges_and_a_dense_head_as_by_hand() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given: a = [1, 2], b = [3, -1]; p = (a + b) * a = [4, 2]; c = [4, 2, 3, -1]
            FunctionalModel model = FunctionalModel.fromConfig(twoHeads());
            var a = var(g, "a", new float[] {1, 2, 0, 0});
            var b = var(g, "b", new float[] {3, -1, 0, 0});
            Map<String, Operand<TFloat32>> feeds = Map.of("a", a.read(), "b", b.read());
            var out = model.forward(g, feeds, g.tf().constant(false));
            DenseLayer reg = (DenseLayer) model.layers().get(4);
            var setter = new GradCheck.Setter(g, reg.variables());
            setter.set(0, new double[] {1, 2, 3, 4});
            setter.set(1, new double[] {0.5});
            // when
            float[] y = GradCheck.fetch(g, out.get("reg").output());
            // then: 1*4 + 2*2 + 3*3 + 4*(-1) + 0.5 = 13.5; sample 2 is zeros: 0.5
            assertThat(out).containsOnlyKeys("cls", "reg");
            assertThat(y[0]).isCloseTo(13.5f, within(1e-5f));
            assertThat(y[1]).isCloseTo(0.5f, within(1e-5f));
            assertThat(out.get("cls").outputActivation()).isEqualTo("tanh");
            assertThat(model.layerOutputShapes().get("c")).containsExactly(4);
            // dense 4->3 and 4->1 at 2 flops a multiply-add (+bias, activations) plus add/multiply
            assertThat(model.flops()).isGreaterThanOrEqualTo(2 * 4 * 3 + 2 * 4 + 2 + 2);
        }
    }

    @Test
    void should_match_finite_differences_through_merges_and_both_heads() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 17)) {
            // given
            Random random = new Random(4);
            FunctionalModel model = FunctionalModel.fromConfig(twoHeads());
            var a = var(g, "a", GradCheck.uniformFloats(random, M * 2, -1.5, 1.5));
            var b = var(g, "b", GradCheck.uniformFloats(random, M * 2, -1.5, 1.5));
            var out = model.forward(g, Map.of("a", a.read(), "b", b.read()), g.tf().constant(true));
            var tf = g.tf();
            Operand<TFloat32> loss =
                    tf.math.add(
                            GradCheck.weightedSum(
                                    tf,
                                    out.get("cls").output(),
                                    GradCheck.uniformFloats(random, M * 3, -1, 1),
                                    M,
                                    3),
                            GradCheck.weightedSum(
                                    tf,
                                    out.get("reg").output(),
                                    GradCheck.uniformFloats(random, M, -1, 1),
                                    M,
                                    1));
            List<WeightVariable<TFloat32>> wrt = new ArrayList<>(List.of(a, b));
            wrt.addAll(model.trainableVariables());
            // then
            assertThat(model.trainableVariables())
                    .extracting(WeightVariable::name)
                    .containsExactly("cls_kernel", "cls_bias", "reg_kernel", "reg_bias");
            GradCheck.checkFloat32(g, loss, wrt, 1e-2, 2e-3, 2e-3);
        }
    }

    @Test
    void should_build_a_yolo_passthrough_with_route_space_to_depth_and_concat() {
        // given: fine = conv 16x16x8 -> routed around the pool, reorganised to 8x8x32
        Map<String, Object> conv1 = layer("fine", "conv2d", List.of("image"));
        conv1.putAll(Map.of("filters", 8, "kernel_size", 3, "padding", "same"));
        Map<String, Object> pool = layer("pool", "max_pool", List.of("fine"));
        pool.putAll(Map.of("pool_size", 2, "strides", 2));
        Map<String, Object> conv2 = layer("coarse", "conv2d", List.of("pool"));
        conv2.putAll(Map.of("filters", 16, "kernel_size", 3, "padding", "same"));
        Map<String, Object> reorg = layer("reorg", "space_to_depth", List.of("fine"));
        Map<String, Object> cat = layer("cat", "concat", List.of("coarse", "reorg"));
        FunctionalModel model =
                FunctionalModel.fromConfig(
                        Map.of(
                                "inputs", Map.of("image", List.of(16, 16, 3)),
                                "layers", List.of(cat, conv1, pool, conv2, reorg),
                                "outputs", List.of("cat")));
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            var x = g.tf().placeholder(TFloat32.class);
            model.forward(g, Map.of("image", x), g.tf().constant(false));
            // then: listed out of order, built in dependency order
            Map<String, long[]> shapes = model.layerOutputShapes();
            assertThat(shapes.get("reorg")).containsExactly(8, 8, 32);
            assertThat(shapes.get("coarse")).containsExactly(8, 8, 16);
            assertThat(shapes.get("cat")).containsExactly(8, 8, 48);
        }
    }

    private static Map<String, Object> conv(String name, int filters, String act, String in) {
        Map<String, Object> m = layer(name, "conv2d", List.of(in));
        m.putAll(Map.of("filters", filters, "kernel_size", 3, "padding", "same"));
        m.put("activation", act);
        return m;
    }

    @Test
    void should_build_and_summarise_an_encoder_decoder_with_a_skip_connection() {
        // given: a small U-Net: enc1 8x8x4 -> pool -> enc2 4x4x8 -> up 8x8x8 -> [up, enc1] ->
        // 8x8x1 mask, and the bottleneck's global average as a second output
        Map<String, Object> pool = layer("pool", "max_pool", List.of("enc1"));
        pool.putAll(Map.of("pool_size", 2, "strides", 2));
        FunctionalModel model =
                FunctionalModel.fromConfig(
                        Map.of(
                                "inputs",
                                Map.of("image", List.of(8, 8, 1)),
                                "layers",
                                List.of(
                                        conv("enc1", 4, "relu", "image"),
                                        pool,
                                        conv("enc2", 8, "relu", "pool"),
                                        layer("up", "up_sampling2d", List.of("enc2")),
                                        layer("skip", "concat", List.of("up", "enc1")),
                                        conv("mask", 1, "sigmoid", "skip"),
                                        layer("code", "global_avg_pool", List.of("enc2"))),
                                "outputs",
                                List.of("mask", "code")));
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            var x = g.tf().placeholder(TFloat32.class);
            model.forward(g, Map.of("image", x), g.tf().constant(false));
            // then
            Map<String, long[]> shapes = model.layerOutputShapes();
            assertThat(shapes.get("up")).containsExactly(8, 8, 8);
            assertThat(shapes.get("skip")).containsExactly(8, 8, 12);
            assertThat(shapes.get("mask")).containsExactly(8, 8, 1);
            assertThat(shapes.get("code")).containsExactly(8);
            // enc1 3*3*1*4 + 4 = 40; enc2 3*3*4*8 + 8 = 296; mask 3*3*12*1 + 1 = 109
            assertThat(FunctionalSummary.of(model).table())
                    .containsPattern("up \\(up_sampling2d\\) +\\(None, 8, 8, 8\\) +0 +0 +enc2")
                    .containsPattern("skip \\(concat\\) +\\(None, 8, 8, 12\\) +0 +0 +up, enc1")
                    .contains("Outputs: mask, code")
                    .contains("Total params: 445");
        }
    }

    @Test
    void should_upsample_by_repeating_each_cell_s_times_along_height_and_width() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given: a 2x2 single-channel image [[1, 2], [3, 4]]
            var x = g.tf().constant(Shape.of(1, 2, 2, 1), DataBuffers.of(new float[] {1, 2, 3, 4}));
            UpSampling2DLayer up = new UpSampling2DLayer("up", 2);
            // when
            assertThat(up.build(g, new long[] {2, 2, 1})).containsExactly(4, 4, 1);
            float[] y;
            try (org.tensorflow.Result res =
                    g.session().runner().fetch(up.call(g, x, g.tf().constant(false))).run()) {
                y = io.dlkit.backend.tensor.Tensors.toFloats(res.get(0));
            }
            // then
            assertThat(y).containsExactly(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
        }
    }

    @Test
    void should_leave_frozen_layers_out_of_the_trainable_variables_and_keep_the_flag() {
        // given: the two-headed model with every layer up to cls frozen (merges have no weights)
        FunctionalModel frozen = FunctionalModel.fromConfig(twoHeads()).freezeUpTo("cls");
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            var a = g.tf().placeholder(TFloat32.class);
            var b = g.tf().placeholder(TFloat32.class);
            frozen.forward(g, Map.of("a", a, "b", b), g.tf().constant(false));
            // then: only reg's kernel [4, 1] and bias [1] train; cls's 4 * 3 + 3 do not
            assertThat(frozen.trainableVariables().stream().map(v -> v.name()).toList())
                    .containsExactly("reg_kernel", "reg_bias");
            assertThat(FunctionalSummary.of(frozen).summary().trainableParams()).isEqualTo(5);
            assertThat(FunctionalSummary.of(frozen).summary().totalParams()).isEqualTo(20);
        }
        assertThat(FunctionalModel.fromConfig(frozen.config())).isEqualTo(frozen);
        assertThat(frozen.config().toString()).contains("name=cls").contains("trainable=false");
        assertThatThrownBy(() -> FunctionalModel.fromConfig(twoHeads()).freezeUpTo("rg"))
                .hasMessage(
                        "--freeze: no layer named 'rg' (did you mean reg?); layers: s, p, c, cls, reg");
    }

    @Test
    void should_round_trip_its_config() {
        FunctionalModel model = FunctionalModel.fromConfig(twoHeads());
        assertThat(FunctionalModel.fromConfig(model.config())).isEqualTo(model);
        assertThat(model.config().get("layers").toString()).contains("inputs=[p, b]");
    }

    @Test
    void should_name_an_unknown_input_with_a_suggestion() {
        Map<String, Object> c = new LinkedHashMap<>(twoHeads());
        c.put("layers", List.of(layer("s", "add", List.of("a", "bb"))));
        c.put("outputs", List.of("s"));
        assertThatThrownBy(() -> FunctionalModel.fromConfig(c))
                .hasMessageStartingWith(
                        "layers[0].inputs[1]: unknown layer or input 'bb' (did you mean b?)");
    }

    @Test
    void should_refuse_a_cycle() {
        Map<String, Object> c = new LinkedHashMap<>(twoHeads());
        c.put(
                "layers",
                List.of(
                        layer("x", "add", List.of("a", "y")),
                        layer("y", "add", List.of("x", "b"))));
        c.put("outputs", List.of("y"));
        assertThatThrownBy(() -> FunctionalModel.fromConfig(c))
                .hasMessageContaining("cycle x -> y -> x");
    }

    @Test
    void should_report_shapes_a_merge_cannot_join_with_the_layer_path() {
        Map<String, Object> c =
                Map.of(
                        "inputs", Map.of("a", List.of(2), "b", List.of(3)),
                        "layers", List.of(layer("s", "add", List.of("a", "b"))),
                        "outputs", List.of("s"));
        FunctionalModel model = FunctionalModel.fromConfig(c);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            var x = g.tf().placeholder(TFloat32.class);
            assertThatThrownBy(
                            () ->
                                    model.forward(
                                            g,
                                            Map.of("a", x, "b", x),
                                            x == null ? null : g.tf().constant(false)))
                    .hasMessage("layers[0].inputs: add needs equal shapes, got [2] and [3]");
        }
    }
}
