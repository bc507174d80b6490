package io.dlkit.plugins.face.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import io.dlkit.plugins.optimizers.AdamOptimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Exact resume of {@code face train --loss triplet}: 4 steps uninterrupted against 2 steps, a
 * mid-epoch checkpoint, a fresh graph restored from it and the last 2 steps. The step losses and
 * every variable (weights, batch-norm averages, Adam's slots and counter) must agree bit for bit.
 *
 * <p>Runs repeat bit for bit: the same seed gives the same batches ({@link IdentityBatches} seeds
 * each batch from the seed, epoch and batch alone), the same initial weights (seeded by name), and
 * every optimizer update waits until every gradient and the fetched loss are computed (the core
 * TrainingGraph). Made-up identities ({@link SyntheticIdentities}) keep it fast: exactness does not
 * need real faces.
 */
class EncoderResumeTest {
    static final EncoderTraining SPEC = new EncoderTraining(0.125, 0.8, 3, 2, 4, false, true);

    @Test
    void should_resume_mid_epoch_to_the_same_losses_and_weights_bit_for_bit(@TempDir Path tmp)
            throws Exception {
        // given
        SyntheticIdentities.write(tmp.resolve("train"), 4, 3);
        FaceFolder data = FaceFolder.read(tmp.resolve("train"), 96, null);
        Path dir = tmp.resolve("model");
        // when
        Run whole = run(data, null, false);
        Run firstHalf = run(data, dir, false);
        Run secondHalf = run(data, dir, true);
        // then
        List<Double> joined = new ArrayList<>(firstHalf.losses);
        joined.addAll(secondHalf.losses);
        assertThat(whole.losses).hasSize(4);
        assertThat(whole.losses.stream().mapToDouble(Double::doubleValue).max().orElse(0))
                .as("nothing learnt: a resume would be trivially exact")
                .isGreaterThan(0.01);
        assertThat(joined).isEqualTo(whole.losses);
        assertThat(secondHalf.variables.keySet()).isEqualTo(whole.variables.keySet());
        whole.variables.forEach(
                (name, v) -> assertThat(secondHalf.variables.get(name)).as(name).isEqualTo(v));
    }

    record Run(List<Double> losses, Map<String, float[]> variables) {}

    /** Uninterrupted (dir null), stopped after the step-2 checkpoint, or resumed from it. */
    private static Run run(FaceFolder data, Path dir, boolean resume) {
        List<Double> losses = new ArrayList<>();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            TrainingGraph tg = SPEC.graph(g, new AdamOptimizer());
            Checkpoints cp = dir == null ? null : new Checkpoints(dir);
            TrainState s = resume ? cp.restore(g.session()) : TrainState.initial();
            TrainOptions o =
                    new TrainOptions(
                            1, 8, new ConstantSchedule(3e-3), 7, dir == null ? 0 : 2, null, 1);
            try {
                SPEC.train(tg, data, null, o, cp, s, new Recorder(losses, !resume));
            } catch (Stop e) {
                // the "kill" after the mid-epoch checkpoint
            }
            return new Run(losses, variables(g));
        }
    }

    private static Map<String, float[]> variables(GraphContext g) {
        List<WeightVariable<?>> all =
                g.variables().stream().filter(v -> v.read().type() == TFloat32.class).toList();
        Session.Runner r = g.session().runner();
        all.forEach(v -> r.fetch(v.read()));
        Map<String, float[]> out = new LinkedHashMap<>();
        try (Result res = r.run()) {
            for (int i = 0; i < all.size(); i++)
                out.put(all.get(i).name(), Tensors.toFloats(res.get(i)));
        }
        return out;
    }

    private record Recorder(List<Double> losses, boolean stopAtCheckpoint)
            implements TrainingListener {
        @Override
        public void onBatch(int epoch, int batch, long step, double loss, double acc, double lr) {
            losses.add(loss);
        }

        @Override
        public void onCheckpoint(Path dir, int epoch, long step) {
            if (stopAtCheckpoint && step == 2) throw new Stop();
        }
    }

    private static final class Stop extends RuntimeException {}
}
