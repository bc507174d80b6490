package io.dlkit.plugins.face.train;

import io.dlkit.api.extension.Optimizers;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.TrainingGraph;
import java.nio.file.Path;

/** A verification head {@code face train --loss pairs} made, restored from its checkpoint. */
public final class TrainedHead implements AutoCloseable {
    private final HeadTraining spec;
    private final GraphContext graph;
    private final TrainingGraph net;

    /**
     * Opens {@code dir} in {@code graph}, which it closes; {@code optimizers} rebuilds the training
     * graph's optimizer state so the checkpoint restores.
     */
    public TrainedHead(Path dir, GraphContext graph, Optimizers optimizers) {
        java.util.Map<String, Object> saved = FaceModelDir.read(dir);
        this.spec = HeadTraining.fromMap(saved);
        this.graph = graph;
        this.net = spec.graph(graph, FaceModelDir.optimizer(saved, optimizers));
        new Checkpoints(dir).restore(graph.session());
    }

    /** How it was trained (its encoder, its distance). */
    public HeadTraining spec() {
        return spec;
    }

    /** The probability that descriptors {@code a} and {@code b} show one person. */
    public double probability(float[] a, float[] b) {
        float[] x = new float[a.length + b.length];
        System.arraycopy(a, 0, x, 0, a.length);
        System.arraycopy(b, 0, x, a.length, b.length);
        return Embeddings.run(graph, net, x, 1)[0];
    }

    @Override
    public void close() {
        graph.close();
    }
}
