package io.dlkit.tests;

import static io.dlkit.tests.Words.dlkit;
import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.nn.Layers;
import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code dlkit train} and {@code eval}: one line on stderr saying what is wrong, where
 * and how to fix it, and exit code 2; a diverging run: one line naming the epoch and step, exit 1.
 */
class TrainingErrorsIT {
    private static final String MODEL =
            DlkitProcess.ROOT.resolve("samples/models/flower.yaml").toString();
    private static final String DATA =
            DlkitProcess.ROOT.resolve("samples/data/flower.csv").toString();

    @TempDir Path tmp;

    @Test
    void should_require_a_model_file() {
        // when
        Result r = dlkit("--threads 2 train --data", DATA, "--out", out());

        // then
        assertOneLineError(r, "--model FILE is required (or --resume --out DIR)");
    }

    @Test
    void should_name_a_missing_data_file() {
        // given
        Path absent = tmp.resolve("absent.csv");

        // when
        Result r = train("--data", absent.toString());

        // then
        assertOneLineError(r, absent + ": no such file or folder");
    }

    @Test
    void should_name_the_line_of_a_ragged_csv_row() throws IOException {
        // given
        Path csv = Files.writeString(tmp.resolve("ragged.csv"), "x1,x2,label\n0.5,1.5,0\n0.25,1\n");

        // when
        Result r = train("--data", csv.toString());

        // then
        assertOneLineError(r, csv + ":3: expected 3 columns, got 2");
    }

    @Test
    void should_reject_a_label_the_model_cannot_output() throws IOException {
        // given: flower.yaml ends in one sigmoid unit, so its classes are 0 and 1
        Path csv =
                Files.writeString(tmp.resolve("labels.csv"), "x1,x2,label\n0.5,1.5,0\n0.25,1,2\n");

        // when: -q, since this check needs the built graph and so comes after the device line
        Result r =
                dlkit(
                        "--threads 2 -q train --model",
                        MODEL,
                        "--data",
                        csv.toString(),
                        "--out",
                        out());

        // then
        assertOneLineError(
                r,
                csv + ": has label 2 but the model's output has 2 classes (labels must be 0..1)");
    }

    @Test
    void should_suggest_the_nearest_layer_type() throws IOException {
        // given
        Path model =
                Files.writeString(
                        tmp.resolve("typo.yaml"),
                        "input_shape: [2]\nlayers:\n  - {type: dens, units: 1}\n");

        // when
        Result r =
                dlkit(
                        "--threads 2 train --model",
                        model.toString(),
                        "--data",
                        DATA,
                        "--out",
                        out());

        // then: the valid types are the built-in ones and those of the bundled plugins
        java.util.SortedSet<String> valid = new java.util.TreeSet<>(Layers.types());
        valid.addAll(
                List.of(
                        "bidirectional",
                        "embedding",
                        "gru",
                        "lstm",
                        "seq2seq",
                        "simple_rnn",
                        "time_dense", // rnn
                        "context_embedding", // embeddings
                        "darknet_reorg",
                        "yolo_grid")); // detector
        assertOneLineError(
                r,
                model
                        + ":3:12: layers[0].type: unknown layer type 'dens' (did you mean dense?);"
                        + " valid types: "
                        + String.join(", ", valid));
    }

    @Test
    void should_suggest_the_nearest_optimizer() {
        // when
        Result r = train("--data", DATA, "--optimizer", "adamm");

        // then
        assertOneLineError(
                r,
                "unknown optimizer 'adamm'; did you mean 'adam'?"
                        + " (known: adam, gd, momentum, rmsprop)");
    }

    @Test
    void should_reject_a_learning_rate_that_is_not_positive() {
        // when
        Result r = train("--data", DATA, "--lr", "-1");

        // then
        assertOneLineError(r, "--lr must be > 0 and at most 3.4028235E38 (float32), got -1.0");
    }

    @Test
    void should_not_overwrite_a_model_without_resume_or_overwrite() throws IOException {
        // given
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/model.yaml"), "format: dlkit-model/1\n");

        // when
        Result r = train("--data", DATA);

        // then
        assertOneLineError(
                r,
                out()
                        + " already holds a model; pass --resume to continue its"
                        + " training, --overwrite to start over, or choose another --out");
    }

    @Test
    void should_not_resume_a_directory_without_a_model() {
        // when
        Result r = dlkit("--threads 2 train --resume --out", tmp.toString());

        // then
        assertOneLineError(r, tmp + ": not a model directory (no model.yaml)");
    }

    @Test
    void should_not_evaluate_a_directory_without_a_model() {
        // when
        Result r = dlkit("--threads 2 eval", tmp.toString(), "--data", DATA);

        // then
        assertOneLineError(r, tmp + ": not a model directory (no model.yaml)");
    }

    @Test
    void should_reject_an_empty_data_file() throws IOException {
        // given
        Path empty = Files.createFile(tmp.resolve("empty.csv"));

        // when
        Result r = train("--data", empty.toString());

        // then
        assertOneLineError(
                r, empty + ": the file is empty; expected rows of comma-separated numbers");
    }

    @Test
    void should_reject_data_of_another_shape_than_the_model_input() throws IOException {
        // given: three features for a model with input_shape [2]
        Path csv = Files.writeString(tmp.resolve("wide.csv"), "a,b,c,label\n1,2,3,0\n4,5,6,1\n");

        // when
        Result r = train("--data", csv.toString());

        // then
        assertOneLineError(
                r,
                csv
                        + ": samples have shape [3] (3 values) but the model takes"
                        + " input_shape [2] (2 values)");
    }

    @Test
    void should_stop_with_exit_1_naming_the_epoch_and_step_when_training_diverges()
            throws IOException {
        // given: gradient descent at a rate near float32's maximum (3.4e38), one batch an epoch:
        // step 1's loss is computed before any update and is fine, later ones overflow
        Path dir = tmp.resolve("out");

        // when
        Result r =
                dlkit(
                        "--threads 2 --seed 42 -q train --optimizer gd --lr 1e38 --batch-size 400"
                                + " --epochs 5 --model",
                        MODEL,
                        "--data",
                        DATA,
                        "--out",
                        dir.toString());

        // then: one line from dlkit, last (TensorFlow's own start-up lines may come first)
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("error")).count())
                .as(r.err())
                .isEqualTo(1);
        Matcher m =
                Pattern.compile(
                                "error: (the loss|variable '[^']+') became (NaN|-?Infinity) at epoch"
                                        + " (\\d+), step (\\d+); the last good checkpoint is kept in "
                                        + Pattern.quote(dir + "/checkpoint")
                                        + "; lower --lr or add --clip-norm")
                        .matcher(lines.get(lines.size() - 1));
        assertThat(m.matches()).as(r.err()).isTrue();
        int epoch = Integer.parseInt(m.group(3));
        assertThat(m.group(4)).as("one step an epoch").isEqualTo(m.group(3));
        // and the last good checkpoint and the metrics log end at the epoch before
        assertThat(dir.resolve("checkpoint/state.properties"))
                .content()
                .containsPattern("(?m)^epoch=" + (epoch - 1) + "$");
        assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSize(1 + epoch - 1);
    }

    private Result train(String... args) {
        List<String> all = new ArrayList<>(List.of(MODEL, "--out", out()));
        all.addAll(List.of(args));
        return dlkit("--threads 2 train --model", all.toArray(String[]::new));
    }

    private String out() {
        return tmp.resolve("out").toString();
    }

    private static void assertOneLineError(Result r, String message) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + message + "\n");
        assertThat(r.out()).isEmpty();
    }
}
