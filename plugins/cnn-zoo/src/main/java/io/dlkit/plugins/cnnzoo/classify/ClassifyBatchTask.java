package io.dlkit.plugins.cnnzoo.classify;

import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.extension.BatchParams;
import io.dlkit.api.extension.BatchRecord;
import io.dlkit.api.extension.BatchResult;
import io.dlkit.api.extension.BatchTask;
import io.dlkit.api.extension.BatchTaskProvider;
import io.dlkit.api.model.ModelStore;
import io.dlkit.backend.image.Images;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code dlkit batch classify --model MODEL_DIR}: the top-k classes of each image, as one entry of
 * {@code dlkit classify --format json}'s predictions ({@code {image, top: [{class, id,
 * probability}]}}, image = the record's id), through the same {@link Classifier}.
 */
@Extension
public final class ClassifyBatchTask implements BatchTaskProvider {
    private final ModelStore store;

    /** dlkit injects the model store. */
    @Inject
    public ClassifyBatchTask(ModelStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String description() {
        return "the top-k classes of each image with a trained model, as dlkit classify";
    }

    @Override
    public Input input() {
        return Input.IMAGE;
    }

    @Override
    public List<Param> params() {
        return List.of(
                new Param("model", null, "a model directory written by dlkit train"),
                new Param("top_k", "5", "how many classes per image"));
    }

    @Override
    public BatchTask open(RunSettings settings, Map<String, String> given) {
        BatchParams p = BatchParams.of(name(), params(), given);
        int topK = p.integer("top_k");
        if (topK < 1) {
            throw DlkitException.invalidInput(
                    "batch classify: --top-k must be at least 1, got " + topK);
        }
        String model = p.string("model");
        Classifier c = Classifier.open(store, settings.workDir().resolve(model));
        return new Session(c, topK, model);
    }

    private record Session(Classifier classifier, int topK, String modelId) implements BatchTask {
        @Override
        public BatchResult process(BatchRecord record) {
            Prediction p =
                    classifier
                            .classify(
                                    List.of(Images.decode(record.bytes(), record.id())),
                                    List.of(record.id()),
                                    topK)
                            .get(0);
            return new BatchResult(p.toJson(), p.top().size());
        }

        @Override
        public void close() {
            classifier.close();
        }
    }
}
