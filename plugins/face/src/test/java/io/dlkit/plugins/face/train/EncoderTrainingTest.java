package io.dlkit.plugins.face.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.EpochMetrics;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.ModelFolder;
import io.dlkit.plugins.face.eval.Roc;
import io.dlkit.plugins.optimizers.AdamOptimizer;
import io.dlkit.testkit.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FaceNet training end to end on stand-in identities: every face of the three sample photos is an
 * identity, its images flips, small crops and colour jitters of it; a narrow NN4-small2 (width
 * 0.25) trained with the semi-hard triplet loss lowers the loss and separates held-out variations
 * (drawn with another seed) of the same faces well above chance (50 % on balanced pairs), better
 * than the untrained network does (AUC).
 */
class EncoderTrainingTest {
    static final EncoderTraining SPEC = new EncoderTraining(0.25, 0.8, 6, 4, 3, false, true);

    @Test
    void should_lower_the_triplet_loss_and_verify_held_out_variations_above_chance(
            @TempDir Path tmp) throws Exception {
        // given
        List<FaceImage> faces = sampleFaces();
        assertThat(faces).hasSizeGreaterThanOrEqualTo(8);
        AugmentedIdentities.write(tmp.resolve("train"), faces, 8, 1);
        AugmentedIdentities.write(tmp.resolve("held"), faces, 4, 2);
        FaceFolder train = FaceFolder.read(tmp.resolve("train"), 96, null);
        FaceFolder held = FaceFolder.read(tmp.resolve("held"), 96, null);
        // one thread: the same numbers on every run (several make float sums in another order)
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            TrainingGraph tg = SPEC.graph(g, new AdamOptimizer());
            // when
            double[] start = verification(g, tg, held);
            double before = start[0];
            List<EpochMetrics> history = new ArrayList<>();
            TrainState s =
                    SPEC.train(
                            tg,
                            train,
                            null,
                            new TrainOptions(5, 24, new ConstantSchedule(3e-3), 7, 0, null, 1),
                            null,
                            TrainState.initial(),
                            new TrainingListener() {
                                @Override
                                public void onEpoch(EpochMetrics m) {
                                    history.add(m);
                                }
                            });
            double[] after = verification(g, tg, held);
            // then
            System.out.printf(
                    "triplet loss %s; held-out accuracy %.3f -> %.3f, AUC %.3f -> %.3f%n",
                    history.stream().map(m -> String.format("%.3f", m.loss())).toList(),
                    before,
                    after[0],
                    start[1],
                    after[1]);
            assertThat(s.epoch()).isEqualTo(5);
            double first = history.get(0).loss();
            double last = (history.get(3).loss() + history.get(4).loss()) / 2;
            assertThat(last).isLessThan(0.6 * first);
            assertThat(after[0]).isGreaterThan(0.75);
            assertThat(after[1]).isGreaterThan(0.85).isGreaterThan(start[1]);
        }
    }

    /**
     * {@code {accuracy, auc}} over balanced pairs of held-out images, the accuracy 5-fold
     * cross-validated (each fold's threshold chosen on the others).
     */
    static double[] verification(GraphContext g, TrainingGraph tg, FaceFolder data) {
        List<Integer> id = new ArrayList<>();
        int n = data.images();
        float[] x = new float[n * 96 * 96 * 3];
        for (int p = 0; p < data.identities(); p++) {
            for (byte[] px : data.pixels().get(p)) {
                IdentityBatches.copy(px, x, id.size() * px.length, 96, false);
                id.add(p);
            }
        }
        float[] all = Embeddings.run(g, tg, x, n);
        List<float[]> e = new ArrayList<>();
        for (int i = 0; i < n; i++)
            e.add(java.util.Arrays.copyOfRange(all, i * 128, (i + 1) * 128));
        // every same-identity pair and as many different-identity pairs (every k-th one), so that
        // chance is 50 %, as in LFW's pairs
        List<int[]> sames = new ArrayList<>();
        List<int[]> diffs = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            for (int j = i + 1; j < e.size(); j++) {
                (id.get(i).equals(id.get(j)) ? sames : diffs).add(new int[] {i, j});
            }
        }
        List<Double> scores = new ArrayList<>();
        List<Boolean> same = new ArrayList<>();
        int step = diffs.size() / sames.size();
        for (int k = 0; k < sames.size(); k++) {
            for (int[] p : List.of(sames.get(k), diffs.get(k * step))) {
                scores.add(-distance(e.get(p[0]), e.get(p[1])));
                same.add(p == sames.get(k));
            }
        }
        double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] y = new boolean[s.length];
        int[] fold = new int[s.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = same.get(i);
            fold[i] = i % 5;
        }
        return new double[] {Roc.crossValidated(s, y, fold)[0], Roc.of(s, y).auc()};
    }

    static double distance(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(d);
    }

    static List<FaceImage> sampleFaces() throws Exception {
        List<FaceImage> faces = new ArrayList<>();
        Path models = SharedData.require("data/models/face-api");
        try (FaceAnalyzer analyzer = new FaceAnalyzer(new ModelFolder(models), 2)) {
            for (String name : List.of("sample1.jpg", "sample2.jpg", "sample3.jpg")) {
                FaceImage img = FaceImage.read(SharedData.require("data/images/faces/" + name));
                faces.addAll(analyzer.alignedFaces(img, FaceAnalyzer.MIN_CONFIDENCE, 0.3));
            }
        }
        return faces;
    }
}
