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
import io.dlkit.plugins.face.FaceImage;
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

class EncoderResumeTest {
    static final EncoderTraining SPEC = new EncoderTraining(0.25, 0.8, 4, 2, 4, false, true);

    @Test
    void should_resume_mid_epoch_to_the_same_losses_and_weights_bit_for_bit(@TempDir Path tmp)
            throws Exception {
        long t0 = System.nanoTime();
        List<FaceImage> faces = EncoderTrainingTest.sampleFaces().subList(0, 5);
        System.out.println("faces " + (System.nanoTime() - t0) / 1e9);
        AugmentedIdentities.write(tmp.resolve("train"), faces, 3, 1);
        FaceFolder data = FaceFolder.read(tmp.resolve("train"), 96, null);

        Run plain = run(data, null, 0, null);
        Run again = run(data, null, 0, null);
        Run saving = run(data, tmp.resolve("a"), 2, null);
        Run firstHalf = run(data, tmp.resolve("b"), 2, 2);
        System.out.println("half   " + firstHalf.losses);
        try (var l = java.nio.file.Files.walk(tmp.resolve("b"))) {
            l.forEach(System.out::println);
        }
        Run resumed = run(data, tmp.resolve("b"), 0, -1);
        System.out.println("plain  " + plain.losses);
        System.out.println("again  " + again.losses);
        System.out.println("saving " + saving.losses);
        System.out.println("half   " + firstHalf.losses);
        System.out.println("resume " + resumed.losses);
        assertThat(again.losses).isEqualTo(plain.losses);
        assertThat(saving.losses).isEqualTo(plain.losses);
        List<Double> joined = new ArrayList<>(firstHalf.losses.subList(0, 2));
        joined.addAll(resumed.losses);
        assertThat(joined).isEqualTo(plain.losses);
        assertThat(resumed.variables.keySet()).isEqualTo(plain.variables.keySet());
        plain.variables.forEach((k, v) -> assertThat(resumed.variables.get(k)).as(k).isEqualTo(v));
    }

    record Run(List<Double> losses, Map<String, float[]> variables) {}

    /** stopAfter: null to run through; n > 0 to stop after n steps; -1 to resume from dir. */
    private static Run run(FaceFolder data, Path dir, int every, Integer stopAfter) {
        List<Double> losses = new ArrayList<>();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            TrainingGraph tg = SPEC.graph(g, new AdamOptimizer());
            Checkpoints cp = dir == null ? null : new Checkpoints(dir);
            TrainState s = TrainState.initial();
            if (stopAfter != null && stopAfter < 0) s = cp.restore(g.session());
            TrainOptions o = new TrainOptions(1, 8, new ConstantSchedule(3e-3), 7, every, null, 1);
            try {
                SPEC.train(
                        tg,
                        data,
                        null,
                        o,
                        cp,
                        s,
                        new TrainingListener() {
                            @Override
                            public void onBatch(
                                    int epoch,
                                    int batch,
                                    long step,
                                    double loss,
                                    double acc,
                                    double lr) {
                                losses.add(loss);
                            }

                            @Override
                            public void onCheckpoint(Path d, int epoch, long step) {
                                if (stopAfter != null && stopAfter > 0 && step == stopAfter)
                                    throw new Stop();
                            }
                        });
            } catch (Stop e) {
                // interrupted
            }
            Map<String, float[]> vars = new LinkedHashMap<>();
            List<WeightVariable<?>> all =
                    g.variables().stream().filter(v -> v.read().type() == TFloat32.class).toList();
            Session.Runner r = g.session().runner();
            all.forEach(v -> r.fetch(v.read()));
            try (Result res = r.run()) {
                for (int i = 0; i < all.size(); i++)
                    vars.put(all.get(i).name(), Tensors.toFloats(res.get(i)));
            }
            return new Run(losses, vars);
        }
    }

    static final class Stop extends RuntimeException {}
}
