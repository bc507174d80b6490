package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlkit face train} and {@code face eval} through the packaged CLI: bad input is refused
 * with one line and exit 2 before any network is built (the training itself is plugins/face's
 * EncoderTrainingTest and tests/bench/face_train.sh).
 */
class FaceTrainIT {
    @Test
    void should_refuse_bad_training_and_evaluation_input_with_one_line(@TempDir Path tmp)
            throws Exception {
        Files.createDirectories(tmp.resolve("data/ann"));
        Files.createDirectories(tmp.resolve("notamodel"));
        String[][] cases = {
            {"face", "train", "--data", "missing", "--out", "m"},
            {"face", "train", "--data", "data", "--out", "m", "--loss", "hinge"},
            {"face", "train", "--data", "data", "--out", "m"},
            {"face", "train", "--data", "data", "--out", "m", "--resume"},
            {"face", "eval", "--data", "data", "--model", "notamodel"}
        };
        String[] expected = {
            "error: missing: not a folder; --data takes a folder of person/*.jpg folders",
            "error: --loss must be triplet or pairs, got 'hinge'",
            "error: data/ann: no images (.bmp, .gif, .jpeg, .jpg, .png) in this folder",
            "error: m: no model.yaml; give a folder written by 'dlkit face train'",
            "error: notamodel: no model.yaml; give a folder written by 'dlkit face train'"
        };
        for (int i = 0; i < cases.length; i++) {
            Result r = DlkitProcess.runIn(tmp, Map.of(), cases[i]);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err().strip()).as(r.toString()).endsWith(expected[i]);
            assertThat(r.err().strip().lines().filter(l -> l.startsWith("error:")).count())
                    .isEqualTo(1);
        }
    }
}
