package io.dlkit.backend.tfjs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.SharedTestData;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The imported graph models against TF.js 4.22 (wasm backend) on the same inputs:
 * tests/fixtures/tfjs/reference.cjs made graph-models.json; its header documents the
 * pre-processing, which {@link #input} repeats. Every sampled output value must match to 1e-3 (1e-5
 * relative above 100).
 */
class TfjsReferenceTest {
    private static final Path FIXTURE = Path.of("../../tests/fixtures/tfjs/graph-models.json");

    static Stream<String> models() {
        return Stream.of("centernet", "nanodet", "blazeface", "mobilefacenet", "faceres");
    }

    @ParameterizedTest
    @MethodSource("models")
    void should_match_tfjs_outputs_on_two_images(String model) throws Exception {
        // given
        Path json = SharedTestData.require("human/" + model + ".json");
        SharedTestData.present(FIXTURE);
        List<?> results =
                (List<?>)
                        ((Map<?, ?>) JsLiteral.parse(Files.readString(FIXTURE), FIXTURE.toString()))
                                .get("results");
        GraphModelFile file = GraphModelFile.read(json);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 0, 1)) {
            GraphModel m = GraphModel.load(g, file);
            int checked = 0;
            for (Object o : results) {
                Map<?, ?> ref = (Map<?, ?>) o;
                if (!ref.get("model").equals(model)) continue;

                // when
                NdArray x =
                        input(
                                json.getParent()
                                        .resolve("../../images")
                                        .resolve((String) ref.get("image")),
                                ref);
                Map<String, NdArray> out = m.run(Map.of(m.inputs().get(0).name(), x));

                // then
                for (Map.Entry<?, ?> e : ((Map<?, ?>) ref.get("outputs")).entrySet()) {
                    checked +=
                            check(
                                    ref.get("image") + " " + e.getKey(),
                                    out.get((String) e.getKey()),
                                    (Map<?, ?>) e.getValue());
                }
            }
            assertThat(checked).isGreaterThan(100);
        }
    }

    static int check(String what, NdArray actual, Map<?, ?> ref) {
        long[] shape =
                ((List<?>) ref.get("shape"))
                        .stream().mapToLong(d -> ((Number) d).longValue()).toArray();
        assertThat(actual.shape()).as(what).containsExactly(shape);
        float[] v = actual.floats();
        int stride = ((Number) ref.get("stride")).intValue();
        List<?> values = (List<?>) ref.get("values");
        double worst = 0;
        for (int i = 0; i < values.size(); i++) {
            double expected = ((Number) values.get(i)).doubleValue();
            worst = Math.max(worst, Math.abs(v[i * stride] - expected));
            // 1e-3 absolute; values above 100 (centernet's boxes are input pixels, up to 512) are
            // held to 1e-5 relative, float32's noise after a deep net's sums (~2^-17)
            double tolerance = Math.max(1e-3, Math.abs(expected) * 1e-5);
            assertThat((double) v[i * stride])
                    .as(what + " [" + i * stride + "]")
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
        }
        System.out.printf("%s: %d values, largest difference %.2e%n", what, values.size(), worst);
        return values.size();
    }

    /** reference.cjs's pre-processing: nearest-neighbour resize, byte * scale + offset. */
    static NdArray input(Path png, Map<?, ?> ref) throws Exception {
        Image img = Images.read(png, 3);
        List<?> size = (List<?>) ref.get("size");
        int h = ((Number) size.get(0)).intValue();
        int w = ((Number) size.get(1)).intValue();
        double scale = ((Number) ref.get("scale")).doubleValue();
        double offset = ((Number) ref.get("offset")).doubleValue();
        boolean nchw = ref.get("layout").equals("NCHW");
        float[] out = new float[h * w * 3];
        for (int y = 0; y < h; y++) {
            int sy = (int) ((long) y * img.height() / h);
            for (int x = 0; x < w; x++) {
                int sx = (int) ((long) x * img.width() / w);
                for (int c = 0; c < 3; c++) {
                    int b = Math.round(img.get(sy, sx, c) * 255f);
                    out[nchw ? c * h * w + y * w + x : (y * w + x) * 3 + c] =
                            (float) (b * scale + offset);
                }
            }
        }
        return nchw ? NdArray.of(out, 1, 3, h, w) : NdArray.of(out, 1, h, w, 3);
    }
}
