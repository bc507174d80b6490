package io.dlkit.plugins.nst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code nst/style}: its ports, its parameters as the command's flags, their checks. */
class StyleStepTest {
    private final StepType step = new StyleStepProvider(null, null, null).stepTypes().get(0);

    private Map<String, Object> defaults() {
        Map<String, Object> values = new HashMap<>();
        for (ParamSpec p : step.params()) values.put(p.name(), p.defaultValue());
        return values;
    }

    @Test
    void should_take_content_and_style_images_and_give_an_image_and_its_costs() {
        assertThat(step.name()).isEqualTo("style");
        assertThat(step.inputs()).extracting(Port::name).containsExactly("content", "style");
        assertThat(step.inputs()).extracting(Port::type).containsOnly(ArtifactType.IMAGE);
        assertThat(step.outputs())
                .extracting(Port::type)
                .containsExactly(ArtifactType.IMAGE, ArtifactType.JSON);
    }

    @Test
    void should_default_to_the_commands_settings_with_the_runs_seed() {
        // when
        StyleRequest r = StyleStepProvider.request(new Params(defaults()), 7);

        // then: dlkit style's defaults
        assertThat(r.model()).isEqualTo("mobilenet_v2");
        assertThat(r.size()).isEqualTo(512);
        assertThat(r.tile()).isEqualTo(512);
        assertThat(r.preserveColors()).isFalse();
        assertThat(r.settings())
                .isEqualTo(new StyleSettings(200, 10f, 200f, 0f, null, List.of(), "noise", 5f, 7));
    }

    @Test
    void should_pass_layers_and_weights_through_and_reject_a_bad_init_by_its_parameter_name() {
        Map<String, Object> values = defaults();
        values.put("style_layers", List.of("conv1", "conv2"));
        values.put("content_layer", "conv2");
        values.put("style_weight", 40.0);
        StyleRequest r = StyleStepProvider.request(new Params(values), 1);
        assertThat(r.settings().styleLayers()).containsExactly("conv1", "conv2");
        assertThat(r.settings().contentLayer()).isEqualTo("conv2");
        assertThat(r.settings().styleWeight()).isEqualTo(40f);

        values.put("init", "zeros");
        assertThatThrownBy(() -> StyleStepProvider.request(new Params(values), 1))
                .isInstanceOf(DlkitException.class)
                .hasMessage("init must be noise, content or random, got 'zeros'");
    }
}
