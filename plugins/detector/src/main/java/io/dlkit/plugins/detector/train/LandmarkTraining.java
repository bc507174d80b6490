package io.dlkit.plugins.detector.train;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.Optimizers;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingSpec;
import io.dlkit.plugins.detector.heads.LandmarkBatchSource;
import io.dlkit.plugins.detector.heads.LandmarkData;
import io.dlkit.plugins.detector.heads.LandmarkObjective;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * {@code dlkit detect train --head landmarks --data DIR --model MODEL.yaml --out DIR}: trains
 * landmark regression ({@link LandmarkObjective}, masked by visibility) on {@link LandmarkData}'s
 * format ({@code DIR/images/NAME.png} with {@code DIR/landmarks/NAME.txt}: {@code x1 y1 .. xk yk}
 * as fractions, {@code -1 -1} for a landmark not visible). The model's last layer gives {@code 2k}
 * outputs. The result gives the mean distance (as a fraction of the image) between predicted and
 * true visible landmarks on {@code --val} (or the training set).
 */
final class LandmarkTraining {
    private LandmarkTraining() {}

    static int run(TrainCommand c, CommandContext ctx, Optimizers optimizers) throws IOException {
        Path dir = TrainerSetup.freshOut(c, ctx, "landmarks");
        Path root = ctx.settings().workDir();
        LandmarkData train = LandmarkData.read(root.resolve(c.data));
        LandmarkData val = c.val == null ? null : LandmarkData.read(root.resolve(c.val));
        if (val != null && val.landmarks() != train.landmarks()) {
            throw DlkitException.invalidInput(
                    c.val + ": " + val.landmarks() + " landmarks, --data has " + train.landmarks());
        }
        Map<String, Object> config = HeadTraining.modelConfig(root.resolve(c.model));
        Sequential model = HeadTraining.sequential(config, c.model);
        int size = HeadTraining.inputSize(model, c.model);
        int k = train.landmarks();
        try (GraphContext g = ctx.openGraph()) {
            TrainingGraph tg;
            try {
                tg =
                        TrainingGraph.build(
                                g,
                                model,
                                optimizers.create(c.optimizer, Map.of()),
                                new TrainingSpec(LandmarkObjective.masked(k), 0, 0, c.clipNorm));
            } catch (IllegalArgumentException e) {
                throw DlkitException.invalidInput(
                        c.model
                                + ": "
                                + e.getMessage()
                                + " ("
                                + c.data
                                + " has "
                                + k
                                + " landmarks)");
            }
            TrainState state =
                    TrainerSetup.fitFresh(
                            c,
                            ctx,
                            tg,
                            dir,
                            content(c, config, k, ctx),
                            new LandmarkBatchSource(train, size, c.batchSize, true),
                            val == null
                                    ? null
                                    : new LandmarkBatchSource(val, size, c.batchSize, false));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model_dir", dir.toString());
            result.put("epochs", state.epoch());
            result.put("landmarks", k);
            result.put("loss", state.history().get(state.history().size() - 1).loss());
            result.put(
                    (val == null ? "train" : "val") + "_mean_distance",
                    meanDistance(tg, val == null ? train : val, size, c.batchSize));
            EvalReport.print(ctx, result);
        }
        return 0;
    }

    /** Mean Euclidean distance (fractions of the image) over every visible landmark. */
    static double meanDistance(TrainingGraph tg, LandmarkData d, int size, int batch) {
        LandmarkBatchSource s = new LandmarkBatchSource(d, size, batch, false);
        double sum = 0;
        int count = 0;
        int k = d.landmarks();
        for (int b = 0; b * batch < d.images().size(); b++) {
            Map<String, NdArray> m = s.batch(0, 0, b);
            float[] out;
            try (TFloat32 x = (TFloat32) m.get("x").toTensor();
                    Result r = tg.graph().session().runner().feed(tg.x, x).fetch(tg.output).run()) {
                out = Tensors.toFloats(r.get(0));
            }
            float[] y = m.get("targets").floats();
            float[] v = m.get(LandmarkObjective.VISIBLE).floats();
            for (int j = 0; j < v.length; j++) {
                if (v[j] == 0) continue;
                int at = (j / k) * 2 * k + 2 * (j % k);
                sum += Math.hypot(out[at] - y[at], out[at + 1] - y[at + 1]);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private static Map<String, Object> content(
            TrainCommand c, Map<String, Object> config, int k, CommandContext ctx) {
        Map<String, Object> t = TrainerSetup.headTraining(c, LandmarkObjective.ID, ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "dlkit-model/1");
        m.put("head", LandmarkObjective.ID);
        m.put("landmarks", k);
        m.put("model", config);
        m.put("training", t);
        return m;
    }
}
