package io.dlkit.plugins.face.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.api.RunSettings;
import io.dlkit.api.extension.Optimizers;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.plugins.optimizers.AdamOptimizer;
import io.dlkit.testkit.CommandHarness;
import io.dlkit.testkit.FakeCommandContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlkit face train} stopped after one epoch and continued with {@code --resume} ends exactly
 * where the uninterrupted two-epoch run ends: the same metrics.csv (times aside), the same printed
 * loss and the same checkpoint bytes (weights, batch-norm averages, Adam's slots and counter).
 */
class FaceTrainResumeTest {
    private static final String VARIABLES = "checkpoint/variables.data-00000-of-00001";

    @Test
    void should_resume_face_train_to_the_same_metrics_and_weights_as_an_uninterrupted_run(
            @TempDir Path tmp) throws Exception {
        // given
        Path data = SyntheticIdentities.write(tmp.resolve("people"), 4, 3);
        // when
        FakeCommandContext whole = train(data, tmp.resolve("whole"), 2, false);
        train(data, tmp.resolve("parts"), 1, false);
        FakeCommandContext resumed = train(data, tmp.resolve("parts"), 2, true);
        // then
        assertThat(lossLine(resumed)).isEqualTo(lossLine(whole));
        assertThat(firstEpochLoss(tmp.resolve("whole/metrics.csv")))
                .as("nothing learnt: a resume would be trivially exact")
                .isGreaterThan(0.01);
        assertThat(withoutTimes(tmp.resolve("parts/metrics.csv")))
                .hasSize(3)
                .isEqualTo(withoutTimes(tmp.resolve("whole/metrics.csv")));
        assertThat(
                        Files.mismatch(
                                tmp.resolve("whole").resolve(VARIABLES),
                                tmp.resolve("parts").resolve(VARIABLES)))
                .as("checkpoint variables differ at this byte")
                .isEqualTo(-1L);
    }

    private static FakeCommandContext train(Path data, Path out, int epochs, boolean resume) {
        // overwrite: the fake writer has no claim of its own files, and metrics.csv is rewritten
        // after every epoch
        FakeCommandContext ctx =
                new FakeCommandContext(
                        new RunSettings("cpu", 1, 7L, "table", true, false, true, Path.of("")));
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--data",
                                data.toString(),
                                "--out",
                                out.toString(),
                                "--epochs",
                                String.valueOf(epochs),
                                "--width",
                                "0.125",
                                "--identities-per-batch",
                                "3",
                                "--images-per-identity",
                                "2",
                                "--batches-per-epoch",
                                "2"));
        if (resume) args.add("--resume");
        FaceTrainCommand command = new FaceTrainCommand(ctx, null, new AdamOnly());
        int code = CommandHarness.run(ctx, command, args.toArray(String[]::new));
        assertThat(code).as(ctx.stderr()).isZero();
        return ctx;
    }

    private static String lossLine(FakeCommandContext ctx) {
        return ctx.stdout().lines().filter(l -> l.startsWith("loss: ")).findFirst().orElseThrow();
    }

    private static double firstEpochLoss(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        int column = List.of(lines.get(0).split(",")).indexOf("loss");
        return Double.parseDouble(lines.get(1).split(",")[column]);
    }

    /** metrics.csv without the columns that hold times or rates. */
    private static List<String> withoutTimes(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",");
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (header[i].contains("second") || header[i].contains("per_s")) continue;
                kept.append(cells[i]).append(',');
            }
            out.add(kept.toString());
        }
        return out;
    }

    private static final class AdamOnly implements Optimizers {
        @Override
        public List<String> names() {
            return List.of("adam");
        }

        @Override
        public Optimizer create(String name, Map<String, Object> config) {
            return new AdamOptimizer();
        }
    }
}
