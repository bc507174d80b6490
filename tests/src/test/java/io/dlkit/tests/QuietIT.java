package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -q} means quiet: not even TensorFlow's native absl lines reach stderr. */
class QuietIT {
    @Test
    void should_print_nothing_on_stderr_when_training_with_q(@TempDir Path tmp) {
        // given: a run that builds a graph and runs sessions (the absl lines came at the first run)
        String model = DlkitProcess.ROOT.resolve("samples/models/flower.yaml").toString();
        String data = DlkitProcess.ROOT.resolve("samples/data/flower.csv").toString();

        // when
        Result r =
                DlkitProcess.run(
                        "-q",
                        "train",
                        "--model",
                        model,
                        "--data",
                        data,
                        "--epochs",
                        "2",
                        "--batch-size",
                        "100",
                        "--out",
                        tmp.resolve("m").toString());

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(Files.isRegularFile(tmp.resolve("m/model.yaml"))).isTrue();
    }

    @Test
    void should_still_print_errors_on_stderr_after_the_runtime_loaded(@TempDir Path tmp) {
        // given: a trained model; eval restores it (loading the runtime) before reading the data
        String model = DlkitProcess.ROOT.resolve("samples/models/flower.yaml").toString();
        String data = DlkitProcess.ROOT.resolve("samples/data/flower.csv").toString();
        String dir = tmp.resolve("m").toString();
        DlkitProcess.run(
                "-q",
                "train",
                "--model",
                model,
                "--data",
                data,
                "--epochs",
                "1",
                "--batch-size",
                "100",
                "--out",
                dir);

        // when
        Result r = DlkitProcess.run("-q", "eval", dir, "--data", tmp.resolve("x.csv").toString());

        // then: the restored stderr carries the one-line error, and only that
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).startsWith("error: ").hasLineCount(1);
    }
}
