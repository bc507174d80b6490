package io.dlkit.tests;

import static io.dlkit.tests.Words.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A functional model file (named inputs, layers naming their inputs, several outputs): {@code
 * summary} shows it; the commands that do not handle it yet refuse it in one line.
 */
class FunctionalModelIT {
    private static final String TWO_HEADS =
            """
            inputs: {image: [28, 28, 1], meta: [4]}
            layers:
              - {name: f, type: flatten, inputs: [image]}
              - {name: both, type: concat, inputs: [f, meta]}
              - {name: h, type: dense, units: 16, activation: relu, inputs: [both]}
              - {name: cls, type: dense, units: 3, activation: softmax, inputs: [h]}
              - {name: reg, type: dense, units: 1, activation: linear, inputs: [h]}
            outputs: [cls, reg]
            losses: {cls: {loss: categorical_crossentropy, weight: 1.0}, reg: {loss: mse, weight: 0.5}}
            """;

    @Test
    void should_summarise_each_layer_with_its_inputs(@TempDir Path tmp) throws Exception {
        // given
        Path model = Files.writeString(tmp.resolve("two.yaml"), TWO_HEADS);
        // when
        Result r = DlkitProcess.run(args("summary", model.toString()));
        // then: concat of 784 + 4 features; h has 788 * 16 + 16 weights
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .containsPattern("both \\(concat\\) +\\(None, 788\\) +0 +0 +f, meta")
                .containsPattern("h \\(dense\\) +\\(None, 16\\) +12,624 .* both")
                .contains("Outputs: cls, reg")
                .contains("Total params: 12,692");
    }

    @Test
    void should_point_at_an_unknown_input_name_with_a_suggestion(@TempDir Path tmp)
            throws Exception {
        Path model =
                Files.writeString(
                        tmp.resolve("bad.yaml"), TWO_HEADS.replace("[f, meta]", "[f, mta]"));
        Result r = DlkitProcess.run(args("summary", model.toString()));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        model
                                + ":4:44: layers[1].inputs[1]: unknown layer or input 'mta' (did"
                                + " you mean meta?)");
    }

    @Test
    void should_refuse_training_a_functional_model_in_one_line(@TempDir Path tmp) throws Exception {
        Path model = Files.writeString(tmp.resolve("two.yaml"), TWO_HEADS);
        Path data = Files.writeString(tmp.resolve("d.csv"), "1,2,0\n");
        Result r =
                DlkitProcess.run(
                        args(
                                "train --epochs 1 --model",
                                model.toString(),
                                "--data",
                                data.toString(),
                                "--out",
                                tmp.resolve("out").toString()));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("not supported yet for functional models");
        assertThat(r.err().strip().lines().filter(l -> l.startsWith("error:"))).hasSize(1);
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
