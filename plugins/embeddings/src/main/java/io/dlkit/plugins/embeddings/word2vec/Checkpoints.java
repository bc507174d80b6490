package io.dlkit.plugins.embeddings.word2vec;

/**
 * Where word2vec finds the state to resume from and saves its state after every pass.
 *
 * <pre>{@code
 * Word2Vec.train(corpus, spec, listener, Checkpoints.none());
 * }</pre>
 */
public interface Checkpoints {
    /** The state to go on from, or null to start afresh. */
    TrainingState resume();

    /** Keeps the state after a pass (called from the training thread, between passes). */
    void save(TrainingState state);

    /** The fingerprint a state must carry to be resumed here. */
    String fingerprint();

    /** No resume, nothing saved. */
    static Checkpoints none() {
        return new Checkpoints() {
            @Override
            public TrainingState resume() {
                return null;
            }

            @Override
            public void save(TrainingState state) {}

            @Override
            public String fingerprint() {
                return "";
            }
        };
    }
}
