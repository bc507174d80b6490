package io.dlkit.plugins.face.train;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import io.dlkit.backend.train.TrainingSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DeepFace-style training: a {@link VerificationHead} on pairs of descriptors a frozen encoder
 * computed once, with the binary cross-entropy, by the core {@link Trainer}.
 *
 * @param encoder {@code face-api} or the folder of an encoder {@code face train} made
 * @param distance the pair feature
 * @param size the descriptor length
 * @param rows pairs per batch
 * @param batches batches per epoch
 */
public record HeadTraining(
        String encoder, VerificationHead.Distance distance, int size, int rows, int batches) {
    /** The encoder name of face-api's recogniser. */
    public static final String FACE_API = "face-api";

    /** The training graph, the same for training, resuming and scoring (with {@code optimizer}). */
    public TrainingGraph graph(GraphContext graph, Optimizer optimizer) {
        return TrainingGraph.build(
                graph, new VerificationHead(size, distance), optimizer, TrainingSpec.defaults());
    }

    /** Trains from {@code state}; {@code validation} (descriptors per identity) may be null. */
    public TrainState train(
            TrainingGraph graph,
            List<List<float[]>> descriptors,
            List<List<float[]>> validation,
            TrainOptions options,
            Checkpoints checkpoints,
            TrainState state,
            TrainingListener listener) {
        PairBatches train = new PairBatches(descriptors, rows, batches);
        PairBatches val = validation == null ? null : new PairBatches(validation, rows, batches);
        return new Trainer(graph, options, checkpoints, listener).fit(train, val, state);
    }

    /** The {@code model.yaml} entries that rebuild it. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("face_model", FaceModelDir.HEAD);
        m.put("encoder", encoder);
        m.put("distance", distance.id());
        m.put("descriptor_size", size);
        m.put("pairs_per_batch", rows);
        m.put("batches_per_epoch", batches);
        m.put("loss", "binary_crossentropy");
        return m;
    }

    /** Reads what {@link #toMap} wrote. */
    public static HeadTraining fromMap(Map<String, Object> m) {
        return new HeadTraining(
                String.valueOf(m.get("encoder")),
                VerificationHead.Distance.parse(String.valueOf(m.get("distance"))),
                (int) FaceModelDir.number(m, "descriptor_size", 128),
                (int) FaceModelDir.number(m, "pairs_per_batch", 64),
                (int) FaceModelDir.number(m, "batches_per_epoch", 20));
    }
}
