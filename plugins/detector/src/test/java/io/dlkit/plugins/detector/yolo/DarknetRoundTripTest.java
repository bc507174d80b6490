package io.dlkit.plugins.detector.yolo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.plugins.detector.TinyYoloV2;
import io.dlkit.plugins.detector.YoloArchitecture;
import io.dlkit.plugins.detector.YoloV2;
import io.dlkit.plugins.detector.darknet.DarknetCfg;
import io.dlkit.plugins.detector.darknet.DarknetNetwork;
import io.dlkit.plugins.detector.darknet.DarknetWeights;
import io.dlkit.plugins.detector.darknet.DarknetYolo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DarknetRoundTripTest {
    @TempDir Path tmp;

    @Test
    void should_give_the_same_tiny_yolov2_outputs_after_export_and_import() throws Exception {
        YoloArchitecture arch = new TinyYoloV2(64, 3, YoloArchitecture.TINY_VOC_ANCHORS, 0.25);
        roundTrip(arch);
    }

    @Test
    void should_give_the_same_yolov2_outputs_through_route_reorg_and_concat() throws Exception {
        YoloArchitecture arch = new YoloV2(64, 2, YoloArchitecture.VOC_ANCHORS, 0.0625);
        roundTrip(arch);
    }

    private void roundTrip(YoloArchitecture arch) throws Exception {
        // given: the model with random weights and batch-norm statistics
        YoloModel model = YoloModel.of(arch.network("arch"), List.of());
        float[] images = random(2 * 64 * 64 * 3, 1, 0, 1);
        float[] before;
        Map<String, NdArray> weights;
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            YoloRunner fresh = YoloRunner.fresh(g, model);
            weights = randomize(fresh.weights());
        }
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            before = YoloRunner.withWeights(g, model, weights).run(images, 2);
        }
        // when: exported to cfg + weights files, read back and imported
        DarknetYolo.Exported e = DarknetYolo.export(model, weights, 0);
        Path cfg = tmp.resolve("m.cfg");
        Files.writeString(cfg, e.cfg());
        e.weights().write(tmp.resolve("m.weights"), e.network());
        DarknetNetwork net = DarknetNetwork.of(DarknetCfg.read(cfg));
        YoloModel imported = YoloModel.of(net, List.of());
        Map<String, NdArray> back =
                DarknetYolo.importWeights(
                        net, DarknetWeights.read(tmp.resolve("m.weights"), net), imported);
        float[] after;
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            after = YoloRunner.withWeights(g, imported, back).run(images, 2);
        }
        // then: the same model file and the same outputs
        assertThat(imported.config()).isEqualTo(model.config());
        assertThat(after).hasSameSizeAs(before);
        double scale = 0;
        for (float v : before) scale = Math.max(scale, Math.abs(v));
        assertThat(scale).isGreaterThan(0.01);
        for (int i = 0; i < before.length; i++) {
            assertThat((double) after[i])
                    .isCloseTo(before[i], org.assertj.core.data.Offset.offset(1e-5 * scale));
        }
    }

    private static Map<String, NdArray> randomize(Map<String, NdArray> weights) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        int seed = 0;
        for (Map.Entry<String, NdArray> e : weights.entrySet()) {
            int n = e.getValue().floats().length;
            String k = e.getKey();
            float[] v =
                    k.endsWith("_moving_variance")
                            ? random(n, ++seed, 0.5f, 2f)
                            : k.endsWith("_gamma")
                                    ? random(n, ++seed, 0.5f, 1.5f)
                                    : k.endsWith("_kernel")
                                            ? random(n, ++seed, -0.3f, 0.3f)
                                            : random(n, ++seed, -0.2f, 0.2f);
            out.put(k, NdArray.of(v, e.getValue().shape()));
        }
        return out;
    }

    private static float[] random(int n, long seed, float low, float high) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = low + (high - low) * (float) r.nextDouble();
        return v;
    }
}
