package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict} and {@code eval} over at least {@code FrozenGraph.WORTHWHILE_RUNS} batches run a
 * copy of the graph with constant weights: the same outputs and loss as with {@code
 * -Ddlkit.frozenWeights=false}, to 1e-6.
 */
class FrozenWeightsIT {
    private static final Map<String, String> UNFROZEN =
            Map.of("DLKIT_JAVA_OPTS", "-Ddlkit.frozenWeights=false");

    @Test
    void predict_and_eval_should_give_the_same_numbers_frozen_and_not(@TempDir Path tmp)
            throws Exception {
        // given a model trained on the flower data (400 rows: 200 batches of 2)
        Path model = tmp.resolve("flower");
        Result train =
                DlkitProcess.run(
                        "--threads",
                        "2",
                        "-q",
                        "train",
                        "--model",
                        "samples/models/flower.yaml",
                        "--data",
                        "samples/data/flower.csv",
                        "--epochs",
                        "20",
                        "--batch-size",
                        "400",
                        "--optimizer",
                        "gd",
                        "--lr",
                        "1.2",
                        "--out",
                        model.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        String[] predict = {
            "-q",
            "--format",
            "json",
            "predict",
            model.toString(),
            "--data",
            "samples/data/flower.csv",
            "--batch-size",
            "2"
        };
        String[] eval = {
            "-q",
            "--format",
            "json",
            "eval",
            model.toString(),
            "--data",
            "samples/data/flower.csv",
            "--batch-size",
            "2"
        };
        // when
        List<Double> frozen = probabilities(DlkitProcess.run(predict));
        List<Double> plain =
                probabilities(DlkitProcess.runIn(DlkitProcess.ROOT, UNFROZEN, predict));
        JsonNode frozenEval = json(DlkitProcess.run(eval));
        JsonNode plainEval = json(DlkitProcess.runIn(DlkitProcess.ROOT, UNFROZEN, eval));
        // then
        assertThat(frozen).hasSize(400).hasSameSizeAs(plain);
        for (int i = 0; i < frozen.size(); i++)
            assertThat(frozen.get(i)).as("value %d", i).isCloseTo(plain.get(i), within(1e-6));
        assertThat(frozenEval.get("loss").asDouble())
                .isCloseTo(plainEval.get("loss").asDouble(), within(1e-6));
        assertThat(frozenEval.get("accuracy").asDouble())
                .isEqualTo(plainEval.get("accuracy").asDouble());
    }

    private static List<Double> probabilities(Result r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Double> values = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            for (var v : new ObjectMapper().readTree(line).get("probabilities"))
                values.add(v.asDouble());
        }
        return values;
    }

    private static JsonNode json(Result r) throws Exception {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return new ObjectMapper().readTree(r.out());
    }
}
