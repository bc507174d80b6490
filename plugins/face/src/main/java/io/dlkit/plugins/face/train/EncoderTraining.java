package io.dlkit.plugins.face.train;

import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import io.dlkit.backend.train.TrainingSpec;
import io.dlkit.plugins.face.FaceNetModel;
import io.dlkit.plugins.face.Nn4Small2;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FaceNet training: NN4-small2 (L2-normalised) on {@code P x K} identity batches ({@link
 * IdentityBatches}) with the semi-hard {@link TripletLoss}, by the core {@link Trainer} (its
 * checkpoints, exact resume and NaN stop), with an optimizer from the {@code Optimizers} SPI (Adam
 * by default).
 *
 * @param width the network's filter multiplier (1: NN4-small2 itself)
 * @param momentum the batch norms' moving-average momentum
 * @param perBatch identities per batch {@code P}
 * @param perIdentity images per identity {@code K}
 * @param batches batches per epoch (0: one pass over the identities)
 * @param align whether images are cut to face-api's aligned face crop first (else used whole)
 * @param flip whether training images are mirrored at random
 */
public record EncoderTraining(
        double width,
        double momentum,
        int perBatch,
        int perIdentity,
        int batches,
        boolean align,
        boolean flip) {

    /**
     * The training graph: the same for training, resuming and embedding with the result (built with
     * the optimizer model.yaml names, so that the checkpoint's slots match).
     */
    public TrainingGraph graph(GraphContext graph, Optimizer optimizer) {
        FaceNetModel model = FaceNetModel.nn4Small2(width, momentum);
        return TrainingGraph.build(
                graph, model, optimizer, new TrainingSpec(new TripletLoss(), 0, 0, 0));
    }

    /** Trains from {@code state} until {@code options.epochs()}; {@code validation} may be null. */
    public TrainState train(
            TrainingGraph graph,
            FaceFolder data,
            FaceFolder validation,
            TrainOptions options,
            Checkpoints checkpoints,
            TrainState state,
            TrainingListener listener) {
        BatchSource train = new IdentityBatches(data, perBatch, perIdentity, batches, flip);
        BatchSource val =
                validation == null
                        ? null
                        : new IdentityBatches(validation, perBatch, perIdentity, 0, false);
        return new Trainer(graph, options, checkpoints, listener).fit(train, val, state);
    }

    /** The {@code model.yaml} entries that rebuild it. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("face_model", FaceModelDir.ENCODER);
        m.put("architecture", "nn4_small2");
        m.put("input_side", Nn4Small2.SIDE);
        m.put("embedding_size", Nn4Small2.EMBEDDING);
        m.put("width", width);
        m.put("bn_momentum", momentum);
        m.put("identities_per_batch", perBatch);
        m.put("images_per_identity", perIdentity);
        m.put("batches_per_epoch", batches);
        m.put("align", align);
        m.put("flip", flip);
        m.put("loss", TripletLoss.ID);
        m.put("alpha", TripletLoss.DEFAULT_ALPHA);
        return m;
    }

    /** Reads what {@link #toMap} wrote. */
    public static EncoderTraining fromMap(Map<String, Object> m) {
        return new EncoderTraining(
                FaceModelDir.number(m, "width", 1),
                FaceModelDir.number(m, "bn_momentum", 0.9),
                (int) FaceModelDir.number(m, "identities_per_batch", 8),
                (int) FaceModelDir.number(m, "images_per_identity", 4),
                (int) FaceModelDir.number(m, "batches_per_epoch", 0),
                Boolean.TRUE.equals(m.get("align")),
                Boolean.TRUE.equals(m.get("flip")));
    }
}
