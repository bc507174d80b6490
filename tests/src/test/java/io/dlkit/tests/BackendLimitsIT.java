package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend's limits seen through the packaged CLI: a model too big for the machine, a damaged
 * checkpoint, a FIFO and an endless CSV line each end in one line and exit 2, and leave nothing
 * half-made behind.
 */
class BackendLimitsIT {
    private static final String FLOWER_DATA =
            DlkitProcess.ROOT.resolve("samples/data/flower.csv").toString();
    private static final String HUGE =
            "input_shape: [2]\n"
                    + "layers:\n"
                    + "  - {type: dense, units: 1000000000, activation: relu}\n"
                    + "  - {type: dense, units: 1, activation: sigmoid}\n";

    @TempDir Path tmp;

    @Test
    void should_refuse_a_billion_unit_layer_before_creating_the_model_directory()
            throws IOException {
        Path model = Files.writeString(tmp.resolve("huge.yaml"), HUGE);
        Path out = tmp.resolve("out");

        Result r = run("train", "--model", model, "--data", FLOWER_DATA, "--out", out);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .as(r.toString())
                .hasLineCount(1)
                .startsWith("error: training " + model + " needs about 774.9 GiB (variables")
                .endsWith("or pass --max-memory SIZE or --no-memory-check to try anyway\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void should_warn_in_summary_when_training_would_not_fit() throws IOException {
        Path model = Files.writeString(tmp.resolve("huge.yaml"), HUGE);

        Result r = run("summary", model);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Total params: 4,000,000,001");
        assertThat(r.err())
                .contains(
                        "warning: training "
                                + model
                                + " with adam at --batch-size 64 needs about 774.9 GiB");
    }

    @Test
    void should_name_a_truncated_checkpoint_file_and_exit_2() throws IOException {
        Path out = tmp.resolve("m");
        String flower = DlkitProcess.ROOT.resolve("samples/models/flower.yaml").toString();
        assertThat(
                        run(
                                        "train",
                                        "--model",
                                        flower,
                                        "--data",
                                        FLOWER_DATA,
                                        "--epochs",
                                        "1",
                                        "--out",
                                        out)
                                .exitCode())
                .isZero();
        Path data = out.resolve("checkpoint/variables.data-00000-of-00001");
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }

        Result r = run("eval", out, "--data", FLOWER_DATA);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .as(r.toString())
                .hasLineCount(1)
                .startsWith("error: " + data + ": damaged (")
                .doesNotContain("internal error");
    }

    @Test
    void should_refuse_a_fifo_and_an_endless_line_as_data_at_once() throws Exception {
        Path fifo = tmp.resolve("fifo.csv");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path endless = Files.writeString(tmp.resolve("endless.csv"), "1".repeat(3 << 20));
        String flower = DlkitProcess.ROOT.resolve("samples/models/flower.yaml").toString();

        Result a = run("train", "--model", flower, "--data", fifo, "--out", tmp.resolve("a"));
        Result b = run("train", "--model", flower, "--data", endless, "--out", tmp.resolve("b"));

        assertThat(a.exitCode()).as(a.toString()).isEqualTo(2);
        assertThat(a.err())
                .isEqualTo(
                        "error: "
                                + fifo
                                + ": is a FIFO, not a regular file; give a data set (.csv, .npz,"
                                + " IDX file or folder)\n");
        assertThat(b.exitCode()).as(b.toString()).isEqualTo(2);
        assertThat(b.err())
                .isEqualTo(
                        "error: "
                                + endless
                                + ":1: line longer than 1048576 characters; this is not a CSV file"
                                + " of numbers, or a row is far too wide\n");
    }

    private static Result run(Object... args) {
        String[] all = new String[args.length + 1];
        all[0] = "-q";
        for (int i = 0; i < args.length; i++) all[i + 1] = String.valueOf(args[i]);
        return DlkitProcess.run(all);
    }
}
