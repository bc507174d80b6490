package io.dlkit.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.extension.StepProvider;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.cli.steps.CoreStepProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepRegistryTest {
    @Test
    void should_list_names_sorted_and_find_by_name() {
        // given
        StepRegistry registry = Pipelines.registry();

        // when
        List<String> names = registry.names();

        // then
        assertThat(names)
                .containsExactly(
                        "boxes/load",
                        "boxes/save",
                        "image/draw-boxes",
                        "image/draw-points",
                        "image/edges",
                        "image/load",
                        "image/resize",
                        "image/save",
                        "points/load",
                        "test/pass");
        assertThat(registry.find("image/load")).map(StepType::name).contains("image/load");
        assertThat(registry.find("image/lod")).isEmpty();
    }

    @Test
    void should_reject_two_step_types_with_one_name_naming_both() {
        // given
        FakeStep fake = new FakeStep("image/load", List.of(), List.of(), List.of());
        List<StepProvider> providers = List.of(new CoreStepProvider(), () -> List.of(fake));

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class, () -> StepRegistry.fromProviders(providers));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        "step type 'image/load' is contributed twice, by"
                                + " io.dlkit.cli.steps.LoadImageStep and by io.dlkit.cli.pipeline.FakeStep;"
                                + " disable one of the plugins that contribute it");
        assertThat(e.exitCode()).isEqualTo(ExitCode.PLUGIN);
    }
}
