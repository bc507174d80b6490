package io.dlkit.plugins.embeddings.command;

import io.dlkit.api.RunSettings;
import io.dlkit.api.extension.BatchParams;
import io.dlkit.api.extension.BatchRecord;
import io.dlkit.api.extension.BatchResult;
import io.dlkit.api.extension.BatchTask;
import io.dlkit.api.extension.BatchTaskProvider;
import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.format.VectorFiles;
import io.dlkit.plugins.embeddings.sentiment.SentenceFeatures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code dlkit batch embed --vectors FILE}: each text's vector: a word of the vocabulary gets its
 * own row; any other text the mean of the vectors of its words found (as written, then lowercased),
 * as the sentiment models' average features ({@link SentenceFeatures}); zeros when none is found.
 * Output {@code {text, words, vector}}, words = how many were found.
 */
@Extension
public final class EmbedBatchTask implements BatchTaskProvider {
    @Override
    public String name() {
        return "embed";
    }

    @Override
    public String description() {
        return "a word's vector, or the mean vector of a text's words";
    }

    @Override
    public Input input() {
        return Input.TEXT;
    }

    @Override
    public List<Param> params() {
        return List.of(
                new Param("vectors", null, "word vectors: word2vec binary or text, GloVe, .npz"));
    }

    @Override
    public BatchTask open(RunSettings settings, Map<String, String> given) {
        BatchParams p = BatchParams.of(name(), params(), given);
        String file = p.string("vectors");
        WordVectors vectors = VectorFiles.read(settings.workDir().resolve(file));
        return new Session(vectors, new SentenceFeatures(vectors), file);
    }

    private record Session(WordVectors vectors, SentenceFeatures features, String modelId)
            implements BatchTask {
        @Override
        public BatchResult process(BatchRecord record) {
            String text = record.text();
            int row = vectors.indexOf(text.strip());
            float[] vector = row >= 0 ? vectors.vector(row) : features.average(text);
            int words = row >= 0 ? 1 : features.rows(text).length;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", text);
            m.put("words", words);
            m.put("vector", vector);
            return new BatchResult(m, words);
        }

        @Override
        public void close() {}
    }
}
