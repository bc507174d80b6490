package io.dlkit.plugins.embeddings.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.plugins.embeddings.corpus.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped after a pass and resumed from the saved state ends with the same vectors. */
class ResumeTest {
    @TempDir static Path dir;
    private static Corpus corpus;

    @BeforeAll
    static void text() throws IOException {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 400; line++) {
            for (int w = 0; w < 12; w++) {
                text.append("w").append(random.nextInt(random.nextInt(30) + 1)).append(' ');
            }
            text.append('\n');
        }
        Path file = dir.resolve("text.txt");
        Files.writeString(file, text);
        corpus = Corpus.load(file, false, 1);
    }

    /** Skip-gram with both losses and sub-sampling, so every random draw matters. */
    private static Word2VecSpec spec(int iterations) {
        return new Word2VecSpec(false, 8, 3, 3, true, 1e-2, iterations, 0.025, 1, 4);
    }

    /** Saves to a file; throws after saving pass {@code stopAfter} to simulate a killed run. */
    private record FileStore(Path file, String fingerprint, boolean fromFile, int stopAfter)
            implements Checkpoints {
        @Override
        public TrainingState resume() {
            try {
                return fromFile ? TrainingState.load(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void save(TrainingState state) {
            try {
                state.save(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (state.passes() == stopAfter) {
                throw new IllegalStateException("stopped");
            }
        }
    }

    @Test
    void should_end_with_the_same_vectors_as_an_uninterrupted_run_when_resumed()
            throws IOException {
        Path state = dir.resolve("resumed.state");
        float[] whole =
                Word2Vec.train(corpus, spec(3), Progress.Listener.none(), Checkpoints.none())
                        .data();

        assertThatThrownBy(
                        () ->
                                Word2Vec.train(
                                        corpus,
                                        spec(3),
                                        Progress.Listener.none(),
                                        new FileStore(state, "f", false, 2)))
                .hasMessage("stopped");
        TrainingState saved = TrainingState.load(state);
        assertThat(saved.passes()).isEqualTo(2);
        assertThat(saved.words()).isEqualTo(2L * corpus.tokens().length);
        assertThat(saved.syn0()).isNotEqualTo(whole);
        float[] resumed =
                Word2Vec.train(
                                corpus,
                                spec(3),
                                Progress.Listener.none(),
                                new FileStore(state, "f", true, -1))
                        .data();

        assertThat(resumed).containsExactly(whole);
    }

    @Test
    void should_refuse_a_state_saved_with_other_settings() {
        Path state = dir.resolve("other.state");
        assertThatThrownBy(
                        () ->
                                Word2Vec.train(
                                        corpus,
                                        spec(2),
                                        Progress.Listener.none(),
                                        new FileStore(state, "dim=8", false, 1)))
                .hasMessage("stopped");

        assertThatThrownBy(
                        () ->
                                Word2Vec.train(
                                        corpus,
                                        spec(2),
                                        Progress.Listener.none(),
                                        new FileStore(state, "dim=9", true, -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other settings or another corpus (dim=8)");
    }
}
