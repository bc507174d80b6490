package io.dlkit.tests;

import static io.dlkit.tests.Words.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlkit train --resume} after a real {@code kill -9}: the resumed run must end bit for bit
 * where an uninterrupted run with the same seed ends. One intra-op thread makes TensorFlow's
 * reductions deterministic. With mini-batches of 8 (50 steps an epoch) and a checkpoint every 7
 * steps, the run is frozen (SIGSTOP) at a checkpoint taken in the middle of an epoch, then killed,
 * so that the resume has to restore a partly done epoch's running sums as well as the weights.
 */
class ResumeAfterKillIT {
    private static final String MODEL =
            DlkitProcess.ROOT.resolve("samples/models/flower.yaml").toString();
    private static final String DATA =
            DlkitProcess.ROOT.resolve("samples/data/flower.csv").toString();
    private static final String VARIABLES = "checkpoint/variables.data-00000-of-00001";
    private static final int EPOCHS = 60;
    private static final int SIGKILL_EXIT = 128 + 9;

    @Test
    void should_resume_a_killed_run_to_the_same_weights_and_metrics_as_an_uninterrupted_run(
            @TempDir Path tmp) throws Exception {
        // given: an uninterrupted run, and the same run killed at a mid-epoch checkpoint after
        // epoch 2
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        trainWholeAndKilledMidEpoch(out -> train(out, EPOCHS), whole, killed);
        Properties atKill = state(killed);
        assertThat(killed.resolve("manifest.json")).as("written when training ends").doesNotExist();

        // when
        Result resumed = DlkitProcess.run(resume(killed, "--seed 7"));

        // then
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(metricsWithoutTimes(killed))
                .as("killed at epoch %s, batch %s", atKill.get("epoch"), atKill.get("batch"))
                .isEqualTo(metricsWithoutTimes(whole))
                .hasSize(1 + EPOCHS);
        assertThat(Files.mismatch(whole.resolve(VARIABLES), killed.resolve(VARIABLES)))
                .as("first byte where the weights and Adam slots differ")
                .isEqualTo(-1L);
        assertThat(predict(killed)).isEqualTo(predict(whole)).hasLineCount(400);
    }

    @Test
    void should_refuse_to_resume_with_another_seed(@TempDir Path tmp) {
        // given: the seed orders every epoch's shuffle, so another seed cannot continue the run
        Path dir = tmp.resolve("model");
        Result first = DlkitProcess.run(train(dir, 1));
        assertThat(first.exitCode()).as(first.toString()).isZero();

        // when: no --seed, so the default, 42
        Result r = DlkitProcess.run(resume(dir, "--epochs 2"));

        // then
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "error: "
                                + dir
                                + " was trained with --seed 7 but this run"
                                + " has --seed 42; pass --seed 7 to resume it exactly\n");
    }

    private static String[] train(Path out, int epochs) {
        return args(
                "--threads 1 --seed 7 -q train --optimizer adam --lr 0.01 --batch-size 8"
                        + " --checkpoint-every 7 --epochs "
                        + epochs,
                "--model",
                MODEL,
                "--data",
                DATA,
                "--out",
                out.toString());
    }

    private static String[] resume(Path out, String more) {
        return args("--threads 1 -q train --resume " + more, "--out", out.toString());
    }

    /**
     * Runs {@code train.apply(whole)} to its end, then {@code train.apply(killed)} until it is
     * frozen at a checkpoint inside an epoch after the second, and kills it there with SIGKILL.
     */
    static void trainWholeAndKilledMidEpoch(Function<Path, String[]> train, Path whole, Path killed)
            throws IOException, InterruptedException {
        Result uninterrupted = DlkitProcess.run(train.apply(whole));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.toString()).isZero();
        try (DlkitBackground run = DlkitBackground.start(train.apply(killed))) {
            run.awaitWhileRunning(
                    () -> frozenAtMidEpochCheckpoint(run, killed), Duration.ofSeconds(120));
            assertThat(run.kill9()).as(run.log()).isEqualTo(SIGKILL_EXIT);
        }
    }

    /**
     * Freezes {@code run} if its checkpoint lies inside an epoch after the second; a checkpoint
     * seen while it runs may be replaced before the signal lands, so it is read again once frozen.
     */
    static boolean frozenAtMidEpochCheckpoint(DlkitBackground run, Path dir) {
        if (!midEpochAfterSecond(dir)) return false;
        run.signal("STOP");
        if (midEpochAfterSecond(dir)) return true;
        run.signal("CONT");
        return false;
    }

    private static boolean midEpochAfterSecond(Path dir) {
        try {
            Properties p = state(dir);
            return Integer.parseInt(p.getProperty("epoch")) >= 2
                    && Integer.parseInt(p.getProperty("batch")) > 0;
        } catch (IOException | RuntimeException e) {
            return false; // no checkpoint yet, or one being replaced
        }
    }

    /**
     * The checkpoint's state; a kill between Checkpoints.save's two renames leaves .checkpoint-old.
     */
    static Properties state(Path dir) throws IOException {
        Path file = dir.resolve("checkpoint/state.properties");
        if (!Files.exists(file)) file = dir.resolve(".checkpoint-old/state.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    /** metrics.csv less its last two columns, seconds and samples_per_s, which are timings. */
    static List<String> metricsWithoutTimes(Path dir) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.csv"))) {
            rows.add(line.substring(0, line.lastIndexOf(',', line.lastIndexOf(',') - 1)));
        }
        return rows;
    }

    private static String predict(Path dir) {
        Result r =
                DlkitProcess.run(
                        args(
                                "--threads 1 -q --format json predict",
                                dir.toString(),
                                "--data",
                                DATA));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out();
    }
}
