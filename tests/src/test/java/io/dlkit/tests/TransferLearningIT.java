package io.dlkit.tests;

import static io.dlkit.tests.Words.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --init-from DIR --freeze LAYER}: a new top on a trained network, the matching layer
 * taken and frozen, the rest reported.
 */
class TransferLearningIT {
    private static final String DATA =
            DlkitProcess.ROOT.resolve("samples/data/flower.csv").toString();
    private static final String FLOWER =
            DlkitProcess.ROOT.resolve("samples/models/flower.yaml").toString();

    @Test
    void should_take_matching_weights_freeze_them_and_report_the_rest(@TempDir Path tmp)
            throws Exception {
        // given: the flower network (dense_1 2->4, dense_2 4->1) trained for two epochs, and a
        // model with the same first layer and a new top of two layers
        Path base = tmp.resolve("base");
        Result first =
                DlkitProcess.run(
                        args(
                                "-q train --optimizer adam --lr 0.01 --epochs 2",
                                "--model",
                                FLOWER,
                                "--data",
                                DATA,
                                "--out",
                                base.toString()));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Path top = tmp.resolve("top.yaml");
        Files.writeString(
                top,
                """
                input_shape: [2]
                layers:
                  - {type: dense, units: 4, activation: tanh}
                  - {type: dense, units: 3, activation: tanh}
                  - {type: dense, units: 1, activation: sigmoid}
                """);
        // when
        Path tuned = tmp.resolve("tuned");
        Result r =
                DlkitProcess.run(
                        args(
                                "--format json train --optimizer adam --lr 0.01 --epochs 2",
                                "--model",
                                top.toString(),
                                "--data",
                                DATA,
                                "--init-from",
                                base.toString(),
                                "--freeze",
                                "dense_1",
                                "--out",
                                tuned.toString()));
        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err())
                .contains(
                        "init-from "
                                + base
                                + ": took 2 of 6 variables; not taken: dense_2_kernel (shape"
                                + " [4, 3], there [4, 1]), dense_2_bias (shape [3], there [1]),"
                                + " dense_3_kernel (not in "
                                + base
                                + "), dense_3_bias (not in "
                                + base
                                + ")");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(json.get("init_taken").asInt()).isEqualTo(2);
        assertThat(json.get("init_not_taken").asInt()).isEqualTo(4);
        Result summary = DlkitProcess.run("summary", tuned.toString());
        // dense_1's 2x4 kernel and 4 biases are frozen
        assertThat(summary.out())
                .contains("Trainable params: 19")
                .contains("Non-trainable params: 12");
        assertThat(Files.readString(tuned.resolve("model.yaml"))).contains("trainable: false");
    }

    @Test
    void should_refuse_to_freeze_a_layer_the_model_does_not_have(@TempDir Path tmp) {
        Result r =
                DlkitProcess.run(
                        args(
                                "train --epochs 1 --optimizer adam --lr 0.01 --freeze dense_9",
                                "--model",
                                FLOWER,
                                "--data",
                                DATA,
                                "--out",
                                tmp.resolve("m").toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "error: --freeze: no layer named 'dense_9' (did you mean dense_1?);"
                                + " layers: dense_1, dense_2\n");
    }
}
