package io.dlkit.plugins.embeddings.sentiment;

import io.dlkit.api.model.ModelStore;
import io.dlkit.plugins.embeddings.format.VectorFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained sentiment model: its spec, its vectors and dlkit's model, opened through the host's
 * model store. Close it when done.
 */
public final class SentimentClassifier implements AutoCloseable {
    private final SentimentSpec spec;
    private final SentenceFeatures features;
    private final ModelStore.LoadedModel model;

    private SentimentClassifier(
            SentimentSpec spec, SentenceFeatures features, ModelStore.LoadedModel model) {
        this.spec = spec;
        this.features = features;
        this.model = model;
    }

    /** Opens the model directory {@code dir} written by {@code embed sentiment-train}. */
    public static SentimentClassifier open(ModelStore store, Path dir) {
        SentimentSpec spec = SentimentSpec.read(dir);
        SentenceFeatures f =
                new SentenceFeatures(VectorFiles.read(dir.resolve(SentimentSpec.VECTORS)));
        return new SentimentClassifier(spec, f, store.open(dir));
    }

    /** The probabilities of negative and positive per text, {@code [texts, 2]} row-major. */
    public float[] probabilities(List<String> texts) {
        return model.predict(features.all(texts, spec.steps()), texts.size());
    }

    /** The share of {@code labels} the larger probability names. */
    public double accuracy(List<String> texts, int[] labels) {
        float[] p = probabilities(texts);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int predicted = p[2 * i + 1] > p[2 * i] ? 1 : 0;
            if (predicted == labels[i]) right++;
        }
        return (double) right / labels.length;
    }

    /** The spec. */
    public SentimentSpec spec() {
        return spec;
    }

    @Override
    public void close() {
        model.close();
    }
}
