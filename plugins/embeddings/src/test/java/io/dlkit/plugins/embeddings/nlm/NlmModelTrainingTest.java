package io.dlkit.plugins.embeddings.nlm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.Layers;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.EpochMetrics;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingSpec;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.corpus.Corpus;
import io.dlkit.plugins.embeddings.corpus.Vocabulary;
import io.dlkit.plugins.embeddings.similarity.Similarity;
import io.dlkit.testkit.TestOptimizers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * The neural language model on the backend's trainer, on a corpus with an obvious structure: every
 * sentence is "animal verb food", each slot drawn at random. The words of a slot are
 * interchangeable, so their embeddings must end up nearest to each other.
 */
class NlmModelTrainingTest {
    private static final List<String> WORDS =
            List.of("cat", "dog", "cow", "horse", "eats", "likes", "wants", "fish", "meat", "hay");
    private static final int[][] SLOTS = {{0, 1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

    @BeforeAll
    static void register() {
        Layers.register(new NlmLayerTypes().layerTypes().get(0));
    }

    @AfterAll
    static void unregister() {
        Layers.unregister(ContextEmbeddingLayer.TYPE);
    }

    @Test
    void should_lower_the_loss_and_put_words_of_a_slot_nearest_each_other() {
        // given: 360 sentences, contexts of one word on each side
        Corpus corpus = corpus(10);
        NlmContexts pairs = NlmContexts.of(corpus, 1, true);
        Dataset data = Dataset.ofClasses(pairs.x(), pairs.y(), WORDS.size(), pairs.width());
        Sequential model = Sequential.fromConfig(NlmModel.config(WORDS.size(), 2, 8, 16));
        // when: 12 epochs of gradient descent in batches of 40
        List<EpochMetrics> history;
        float[] table;
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 5)) {
            TrainingGraph graph =
                    TrainingGraph.build(
                            g, model, TestOptimizers.gradientDescent(), TrainingSpec.defaults());
            TrainOptions options =
                    new TrainOptions(12, 40, new ConstantSchedule(0.5), 5, 0, null, 1);
            history =
                    new Trainer(graph, options, null, null)
                            .fit(data, null, TrainState.initial())
                            .history();
            table = read(g, model.trainableVariables().get(0));
        }
        // then: the loss falls from about ln 10 = 2.30 towards the data's entropy, the mean of
        // ln 4, ln 3 and ln 3 = 1.19 (each slot is uniform given the other two)
        double first = history.get(0).loss();
        double last = history.get(history.size() - 1).loss();
        assertThat(first).isBetween(1.5, 2.5);
        assertThat(last).isLessThan(1.4);
        WordVectors vectors = new WordVectors(WORDS, Arrays.copyOf(table, WORDS.size() * 8), 8);
        Similarity similarity = new Similarity(vectors);
        for (int[] slot : SLOTS) {
            for (int w : slot) {
                // the other words of its slot are its nearest, before any word of another slot
                List<Integer> nearest =
                        similarity.neighbors(WORDS.get(w), slot.length - 1).stream()
                                .map(s -> slotOf(WORDS.indexOf(s.word())))
                                .toList();
                assertThat(nearest).as(WORDS.get(w)).containsOnly(slotOf(w));
            }
        }
    }

    private static int slotOf(int word) {
        for (int s = 0; s < SLOTS.length; s++) {
            for (int w : SLOTS[s]) if (w == word) return s;
        }
        throw new IllegalArgumentException("no slot for " + word);
    }

    /** Every "animal verb food" sentence, {@code copies} times each: no sampling noise. */
    private static Corpus corpus(int copies) {
        List<Integer> tokens = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (int a : SLOTS[0])
                for (int v : SLOTS[1])
                    for (int f : SLOTS[2]) {
                        tokens.addAll(List.of(a, v, f));
                    }
        }
        int sentences = tokens.size() / 3;
        int[] starts = new int[sentences + 1];
        for (int s = 0; s <= sentences; s++) starts[s] = 3 * s;
        long[] counts = new long[WORDS.size()];
        tokens.forEach(t -> counts[t]++);
        return new Corpus(
                Vocabulary.of(WORDS, counts),
                tokens.stream().mapToInt(Integer::intValue).toArray(),
                starts);
    }

    private static float[] read(GraphContext g, WeightVariable<TFloat32> v) {
        try (Result r = g.session().runner().fetch(v.read()).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }
}
