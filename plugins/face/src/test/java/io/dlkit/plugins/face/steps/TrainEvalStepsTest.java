package io.dlkit.plugins.face.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.face.train.SyntheticIdentities;
import io.dlkit.plugins.optimizers.AdamOptimizer;
import io.dlkit.testkit.FakeCommandContext;
import io.dlkit.testkit.FakeStepContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code face/train} and {@code face/eval}: the {@code face train} and {@code face eval} commands
 * run as steps, on three made-up identities (a colour each, four noisy images of it), with a tiny
 * NN4-small2 (width 0.125) trained for one epoch of two batches.
 */
class TrainEvalStepsTest {
    private final FakeCommandContext ctx =
            new FakeCommandContext(
                    new RunSettings("cpu", 1, 7L, "table", true, false, false, Path.of("")));
    private final FaceStepProvider provider = new FaceStepProvider(null, ctx, new OneOptimizer());

    @Test
    void should_train_an_encoder_and_evaluate_it_through_the_commands(@TempDir Path tmp)
            throws Exception {
        // given
        Path data = SyntheticIdentities.write(tmp.resolve("people"), 3, 4);
        FakeStepContext context = new FakeStepContext(tmp.resolve("run"), false);
        // when
        Map<String, Object> trained =
                step("train")
                        .run(
                                context,
                                params(
                                        step("train"),
                                        Map.of(
                                                "data", data,
                                                "epochs", 1,
                                                "width", 0.125,
                                                "identities_per_batch", 2,
                                                "images_per_identity", 2,
                                                "batches_per_epoch", 2)),
                                Map.of());
        Map<String, Object> evaluated =
                step("eval")
                        .run(
                                context,
                                params(step("eval"), Map.of("data", data, "folds", 2)),
                                Map.of("model", trained.get("model")));
        // then
        Path model = tmp.resolve("run/model");
        assertThat(trained.get("model")).isEqualTo(model);
        assertThat(model.resolve("model.yaml")).exists();
        assertThat(model.resolve("checkpoint")).isDirectory();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) trained.get("metrics");
        assertThat(m).containsEntry("epochs", 1).containsEntry("steps", 2L);
        assertThat((Double) m.get("loss")).isBetween(0.0, 2.2); // mean of max(d+ - d- + 0.2, 0)
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) evaluated.get("metrics");
        // 12 images: all 3 * C(4, 2) = 18 same-person pairs and as many different ones (balanced)
        assertThat(e)
                .containsEntry("pairs", 36)
                .containsEntry("same", 18)
                .containsEntry("different", 18);
        assertThat((Double) e.get("auc")).isBetween(0.0, 1.0);
        assertThat(tmp.resolve("run/roc.png")).exists();
        assertThat(ImageIO.read(tmp.resolve("run/roc.png").toFile())).isNotNull();
        assertThat(context.recorded())
                .contains(model.resolve("model.yaml"), tmp.resolve("run/roc.png"));
    }

    @Test
    void should_declare_typed_ports_and_refuse_what_the_commands_refuse(@TempDir Path tmp) {
        assertThat(step("train").outputs())
                .extracting(Port::type)
                .containsExactly(ArtifactType.MODEL, ArtifactType.JSON);
        assertThat(step("eval").inputs())
                .extracting(Port::type)
                .containsExactly(ArtifactType.MODEL);
        assertThat(step("eval").outputs())
                .extracting(Port::type)
                .containsExactly(ArtifactType.JSON, ArtifactType.FILE);
        FakeStepContext context = new FakeStepContext(tmp, false);
        Params hinge = params(step("train"), Map.of("data", tmp, "loss", "hinge"));
        assertThatThrownBy(() -> step("train").run(context, hinge, Map.of()))
                .isInstanceOf(DlkitException.class)
                .hasMessage("--loss must be triplet or pairs, got 'hinge'");
        Params both = params(step("eval"), Map.of("data", tmp, "model_dir", tmp));
        assertThatThrownBy(() -> step("eval").run(context, both, Map.of("model", tmp)))
                .isInstanceOf(DlkitException.class)
                .hasMessage("face/eval: give inputs.model or with.model_dir, not both");
    }

    private StepType step(String name) {
        return provider.stepTypes().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The declared defaults with {@code given} over them, as dlkit validate passes them. */
    private static Params params(StepType step, Map<String, Object> given) {
        Map<String, Object> values = new HashMap<>();
        for (ParamSpec p : step.params()) values.put(p.name(), p.defaultValue());
        values.putAll(given);
        return new Params(values);
    }

    /** The optimizers registry with Adam alone. */
    private static final class OneOptimizer implements io.dlkit.api.extension.Optimizers {
        @Override
        public io.dlkit.backend.train.Optimizer create(String name, Map<String, Object> c) {
            return new AdamOptimizer();
        }

        @Override
        public List<String> names() {
            return List.of("adam");
        }
    }
}
