package io.dlkit.cli.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.train.LossKind;
import io.dlkit.backend.train.TrainingGraph.OutputLoss;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-output losses: auto from the activation, the file's section, then the flags. */
class FunctionalLossesTest {
    private static final FunctionalModel MODEL =
            FunctionalModel.fromConfig(
                    Map.of(
                            "inputs", Map.of("a", List.of(2)),
                            "layers",
                                    List.of(
                                            Map.of(
                                                    "name",
                                                    "cls",
                                                    "type",
                                                    "dense",
                                                    "units",
                                                    3,
                                                    "activation",
                                                    "softmax",
                                                    "inputs",
                                                    List.of("a")),
                                            Map.of(
                                                    "name",
                                                    "reg",
                                                    "type",
                                                    "dense",
                                                    "units",
                                                    1,
                                                    "activation",
                                                    "linear",
                                                    "inputs",
                                                    List.of("a"))),
                            "outputs", List.of("cls", "reg")));

    @Test
    void should_pick_each_outputs_loss_from_its_activation_with_weight_one() {
        Map<String, OutputLoss> l = FunctionalLosses.resolve(MODEL, null, "auto", null, "m.yaml");
        assertThat(l)
                .containsExactly(
                        Map.entry("cls", new OutputLoss(LossKind.CATEGORICAL_CROSSENTROPY, 1)),
                        Map.entry("reg", new OutputLoss(LossKind.MSE, 1)));
    }

    @Test
    void should_let_the_flags_override_the_files_section_output_by_output() {
        // given: the file says reg is mse with weight 2; the flags make cls mse and reg 0.5
        Object section = Map.of("reg", Map.of("loss", "mse", "weight", 2));
        // when
        Map<String, OutputLoss> l =
                FunctionalLosses.resolve(MODEL, section, "cls=mse", "reg=0.5", "m.yaml");
        // then
        assertThat(l.get("cls")).isEqualTo(new OutputLoss(LossKind.MSE, 1));
        assertThat(l.get("reg")).isEqualTo(new OutputLoss(LossKind.MSE, 0.5));
        assertThat(FunctionalLosses.toConfig(l).toString())
                .isEqualTo("{cls={loss=mse, weight=1.0}, reg={loss=mse, weight=0.5}}");
    }

    @Test
    void should_leave_an_output_with_loss_none_untrained_and_read_back_what_it_recorded() {
        Map<String, OutputLoss> l =
                FunctionalLosses.resolve(MODEL, Map.of("reg", "none"), null, null, "m.yaml");
        assertThat(l.keySet()).containsExactly("cls");
        assertThat(FunctionalLosses.recorded(MODEL, FunctionalLosses.toConfig(l), "m.yaml"))
                .isEqualTo(l);
    }

    @Test
    void should_name_an_unknown_output_with_a_suggestion() {
        assertThatThrownBy(() -> FunctionalLosses.resolve(MODEL, null, null, "rg=1", "m.yaml"))
                .hasMessage(
                        "--loss-weights rg: not an output of the model (did you mean reg?);"
                                + " outputs: cls, reg");
    }

    @Test
    void should_refuse_a_negative_weight() {
        assertThatThrownBy(() -> FunctionalLosses.resolve(MODEL, null, null, "reg=-1", "m.yaml"))
                .hasMessage("--loss-weights reg: a weight must be a number >= 0, got -1");
    }

    @Test
    void should_name_the_output_of_an_unknown_loss() {
        assertThatThrownBy(() -> FunctionalLosses.resolve(MODEL, null, "reg=mae", null, "m.yaml"))
                .hasMessageStartingWith("loss of reg: unknown loss 'mae'");
    }
}
