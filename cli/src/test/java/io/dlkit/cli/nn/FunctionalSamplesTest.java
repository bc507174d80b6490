package io.dlkit.cli.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.FunctionalSummary;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

/**
 * The functional sample model files: YOLOv2's passthrough (route, reorg, concat) and an
 * encoder-decoder with skip connections parse, build and summarise.
 */
class FunctionalSamplesTest {
    private static final Path MODELS = Path.of("..", "samples", "models");

    private static FunctionalSummary summarise(String file) {
        Path path = MODELS.resolve(file);
        FunctionalModel model = ModelBuild.functional(Yaml.read(path), path.toString());
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Map<String, org.tensorflow.Operand<TFloat32>> feeds = new LinkedHashMap<>();
            model.inputShapes()
                    .keySet()
                    .forEach(k -> feeds.put(k, g.tf().placeholder(TFloat32.class)));
            model.forward(g, feeds, g.tf().constant(false));
            return FunctionalSummary.of(model);
        }
    }

    @Test
    void should_build_the_yolo_passthrough_sample_into_a_13x13x125_head() {
        String table = summarise("yolo-passthrough.yaml").table();
        // squeeze 26x26x16 -> reorg 13x13x64, joined with coarse 13x13x128
        assertThat(table)
                .containsPattern("reorg \\(space_to_depth\\) +\\(None, 13, 13, 64\\)")
                .containsPattern("route \\(concat\\) +\\(None, 13, 13, 192\\) .* reorg, coarse")
                .containsPattern("head \\(conv2d\\) +\\(None, 13, 13, 125\\) +24,125")
                .contains("Outputs: head");
    }

    @Test
    void should_build_the_encoder_decoder_sample_back_to_the_input_size() {
        FunctionalSummary s = summarise("unet-tiny.yaml");
        // dec2: 3 * 3 * 48 * 16 + 16 = 6,928 (up2's 32 channels joined with enc2's 16)
        assertThat(s.table())
                .containsPattern("up1 \\(up_sampling2d\\) +\\(None, 32, 32, 16\\)")
                .containsPattern("dec2 \\(conv2d\\) +\\(None, 16, 16, 16\\) +6,928")
                .containsPattern("mask \\(conv2d\\) +\\(None, 32, 32, 1\\)")
                .contains("Outputs: mask, code");
        assertThat(s.summary().totalParams()).isEqualTo(14_561);
    }
}
