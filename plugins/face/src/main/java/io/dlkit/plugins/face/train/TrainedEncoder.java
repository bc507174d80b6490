package io.dlkit.plugins.face.train;

import io.dlkit.api.extension.Optimizers;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.Nn4Small2;
import java.nio.file.Path;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * An encoder {@code face train --loss triplet} made, restored from its checkpoint: the image (or
 * face-api's aligned crop of it, as it was trained) resized to 96 x 96, through NN4-small2 in
 * inference mode (batch norm's moving averages), L2-normalised.
 */
public final class TrainedEncoder implements FaceEncoder {
    private final Path dir;
    private final EncoderTraining spec;
    private final GraphContext graph;
    private final TrainingGraph net;
    private final FaceAnalyzer aligner;
    private final double minConfidence;

    /**
     * Opens {@code dir} in {@code graph} (which it closes); {@code aligner} (closed too) cuts faces
     * out when the encoder was trained on aligned crops, and may be null otherwise; {@code
     * optimizers} rebuilds the training graph's optimizer state so the checkpoint restores.
     */
    public TrainedEncoder(
            Path dir,
            GraphContext graph,
            FaceAnalyzer aligner,
            double minConfidence,
            Optimizers optimizers) {
        this.dir = dir;
        java.util.Map<String, Object> saved = FaceModelDir.read(dir);
        this.spec = EncoderTraining.fromMap(saved);
        this.graph = graph;
        this.net = spec.graph(graph, FaceModelDir.optimizer(saved, optimizers));
        new Checkpoints(dir).restore(graph.session());
        this.aligner = aligner;
        this.minConfidence = minConfidence;
    }

    /** How the encoder was trained. */
    public EncoderTraining spec() {
        return spec;
    }

    @Override
    public String describe() {
        return "nn4_small2 (width " + spec.width() + ") from " + dir;
    }

    @Override
    public float[] embed(FaceImage image) {
        FaceImage face = spec.align() ? aligner.alignedFace(image, minConfidence) : image;
        if (face == null) return null;
        byte[] px = FaceFolder.toBytes(face, Nn4Small2.SIDE);
        float[] x = new float[px.length];
        IdentityBatches.copy(px, x, 0, Nn4Small2.SIDE, false);
        return embed(x, 1);
    }

    /** The embeddings of {@code rows} images {@code [rows, 96, 96, 3]} (values 0-1), row-major. */
    public float[] embed(float[] x, int rows) {
        int s = Nn4Small2.SIDE;
        try (TFloat32 t = Tensors.floats(x, rows, s, s, 3);
                Result r = graph.session().runner().feed(net.x, t).fetch(net.output).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }

    @Override
    public void close() {
        graph.close();
        if (aligner != null) aligner.close();
    }
}
