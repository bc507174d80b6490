package io.dlkit.plugins.detector.train;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingDivergedException;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.schedule.Schedules;
import io.dlkit.plugins.detector.yolo.YoloModelDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The core {@link Trainer} set-up that {@code detect train}'s heads (YOLO, localization, landmarks)
 * share: the options from the command's flags, the {@link TrainLog} that writes metrics.csv and
 * curves.png, and a fit whose divergence (a NaN loss) fails with exit code 1.
 */
final class TrainerSetup {
    private TrainerSetup() {}

    /**
     * The {@code --out} folder of a head that always trains from scratch: refuses {@code --resume},
     * and a folder that holds a model unless {@code --overwrite} is given.
     */
    static Path freshOut(TrainCommand c, CommandContext ctx, String head) {
        if (c.resume) {
            throw DlkitException.invalidInput(
                    "--resume is not supported with --head "
                            + head
                            + "; train again with --overwrite");
        }
        Path dir = ctx.settings().workDir().resolve(c.out);
        if (Files.exists(dir.resolve(YoloModelDir.MODEL_FILE)) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    dir + " already holds a model; pass --overwrite or choose another --out");
        }
        return dir;
    }

    /** Options for {@code epochs} epochs; {@code schedule} null is a constant {@code lr}. */
    static TrainOptions options(
            CommandContext ctx,
            int epochs,
            int batchSize,
            String schedule,
            double lr,
            int checkpointEvery) {
        return new TrainOptions(
                epochs,
                batchSize,
                Schedules.parse(schedule == null ? "constant" : schedule, lr),
                ctx.settings().seed(),
                checkpointEvery,
                null,
                1);
    }

    /**
     * Fits {@code tg} from {@code state}, logging every epoch into {@code dir} after the epochs
     * {@code state} already holds; a diverged run fails with exit code 1.
     */
    static TrainState fit(
            CommandContext ctx,
            TrainingGraph tg,
            TrainOptions options,
            Checkpoints checkpoints,
            Path dir,
            BatchSource train,
            BatchSource validation,
            TrainState state) {
        TrainLog log =
                new TrainLog(ctx.err(), ctx.settings().quiet(), ctx.writer(), dir, state.history());
        try {
            return new Trainer(tg, options, checkpoints, log).fit(train, validation, state);
        } catch (TrainingDivergedException e) {
            throw new DlkitException(ExitCode.FAILED, e.getMessage());
        }
    }

    /**
     * Writes {@code modelFile} as the model.yaml of a fresh {@code --out} folder, then trains
     * {@code tg} from scratch with the command's epochs, batch size, schedule and checkpoint
     * interval.
     */
    static TrainState fitFresh(
            TrainCommand c,
            CommandContext ctx,
            TrainingGraph tg,
            Path dir,
            Map<String, Object> modelFile,
            BatchSource train,
            BatchSource validation)
            throws IOException {
        ctx.writer().prepareFolder(dir, "--out");
        ctx.writer()
                .writeString(dir.resolve(YoloModelDir.MODEL_FILE), YoloModelDir.yaml(modelFile));
        TrainOptions options =
                options(ctx, c.epochs, c.batchSize, c.schedule, c.lr, c.checkpointEvery);
        return fit(
                ctx,
                tg,
                options,
                new Checkpoints(dir),
                dir,
                train,
                validation,
                TrainState.initial());
    }

    /** The {@code training} section of a head's model.yaml: the flags it was trained with. */
    static Map<String, Object> headTraining(TrainCommand c, String loss, CommandContext ctx) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("data", c.data.toString());
        t.put("model_file", c.model);
        t.put("epochs", c.epochs);
        t.put("batch_size", c.batchSize);
        t.put("lr", c.lr);
        t.put("optimizer", c.optimizer);
        t.put("loss", loss);
        t.put("seed", ctx.settings().seed());
        return t;
    }
}
