package io.dlkit.plugins.rnn.pipeline;

import io.dlkit.api.CommandContext;
import io.dlkit.api.extension.StepProvider;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.pipeline.StepType;
import jakarta.inject.Inject;
import java.util.List;
import org.pf4j.Extension;

/**
 * Contributes the pipeline steps {@code rnn/train}, {@code rnn/sample}, {@code rnn/eval}, {@code
 * rnn/classify-train}, {@code rnn/classify}, {@code rnn/seq2seq-train} and {@code rnn/translate}:
 * what the {@code dlkit rnn} commands of those names do, through the same code.
 *
 * <pre>
 * - id: train
 *   uses: rnn/train
 *   with: {text: corpus.txt, layers: 1, hidden: 64, epochs: 2, out: model}
 * - id: sample
 *   uses: rnn/sample
 *   inputs: {model: ${train.model}}
 *   with: {length: 200, temperature: 0.8, prime: "We "}
 * - id: verdicts
 *   uses: rnn/classify
 *   with: {model_dir: runs/imdb, texts: ["a fine film", "dull and long"]}   # or inputs.model
 * - id: dates
 *   uses: rnn/seq2seq-train
 *   with: {pairs: dates.tsv, epochs: 10}
 * - id: iso
 *   uses: rnn/translate
 *   inputs: {model: ${dates.model}}
 *   with: {texts: ["3 May 1979"], beam: 3}
 * </pre>
 */
@Extension
public final class RnnStepProvider implements StepProvider {
    private final CommandContext ctx;
    private final ModelStore store;

    /**
     * dlkit injects the command context (rnn/train runs {@code dlkit train} through it) and the
     * model store.
     */
    @Inject
    public RnnStepProvider(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public List<StepType> stepTypes() {
        return List.of(
                new TrainStep(ctx),
                new SampleStep(store),
                new EvalStep(store),
                new ClassifyTrainStep(ctx),
                new ClassifyStep(store),
                new Seq2SeqTrainStep(ctx),
                new TranslateStep(store));
    }
}
