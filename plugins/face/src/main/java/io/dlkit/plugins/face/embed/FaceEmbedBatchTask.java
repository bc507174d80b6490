package io.dlkit.plugins.face.embed;

import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.extension.BatchParams;
import io.dlkit.api.extension.BatchRecord;
import io.dlkit.api.extension.BatchResult;
import io.dlkit.api.extension.BatchTask;
import io.dlkit.api.extension.BatchTaskProvider;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.plugins.face.Face;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.ModelFolder;
import io.dlkit.plugins.face.command.FaceOutput;
import io.dlkit.plugins.face.jpeg.BaselineJpeg;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code dlkit batch face-embed}: every face of each image with its box and 128-d descriptor, the
 * fields {@code dlkit face embed} prints per face ({@code {face, box, descriptor}}), gathered as
 * {@code {image, faces: [...]}}; the same decoding (jpeg-js's for baseline JPEGs), detector and
 * alignment.
 */
@Extension
public final class FaceEmbedBatchTask implements BatchTaskProvider {
    private final PretrainedModels store;

    /** dlkit injects the model store. */
    @Inject
    public FaceEmbedBatchTask(PretrainedModels store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "face-embed";
    }

    @Override
    public String description() {
        return "each face's box and 128-d descriptor, as dlkit face embed";
    }

    @Override
    public Input input() {
        return Input.IMAGE;
    }

    @Override
    public List<Param> params() {
        return List.of(
                new Param("models", "", "folder of face-api weights (default: the model store's)"),
                new Param("min_confidence", "0.5", "smallest detection score kept"),
                new Param("detector", "ssd", "ssd or tiny"),
                new Param("input_size", "416", "the tiny detector's input side"));
    }

    @Override
    public BatchTask open(RunSettings settings, Map<String, String> given) {
        BatchParams p = BatchParams.of(name(), params(), given);
        double min = p.number("min_confidence");
        String detector = p.string("detector");
        int inputSize = p.integer("input_size");
        if (min < 0 || min >= 1 || !(detector.equals("ssd") || detector.equals("tiny"))) {
            throw DlkitException.invalidInput(
                    "batch face-embed: --min-confidence must be in [0, 1) and --detector ssd or"
                            + " tiny");
        }
        if (inputSize < 32 || inputSize % 32 != 0) {
            throw DlkitException.invalidInput(
                    "batch face-embed: --input-size must be a multiple of 32, got " + inputSize);
        }
        String models = p.string("models");
        Path dir = models.isEmpty() ? null : settings.workDir().resolve(models);
        ModelFolder folder = ModelFolder.resolve(dir, store);
        GraphContext g =
                GraphContext.create(
                        DeviceRequest.parse(settings.device()),
                        settings.threads(),
                        settings.seed());
        FaceAnalyzer analyzer = new FaceAnalyzer(folder, g);
        if (detector.equals("tiny")) analyzer.useTinyDetector(inputSize);
        return new Session(analyzer, min, models.isEmpty() ? "face-api" : models);
    }

    private record Session(FaceAnalyzer analyzer, double min, String modelId) implements BatchTask {
        @Override
        public BatchResult process(BatchRecord record) {
            FaceImage jpeg = BaselineJpeg.decode(record.bytes(), record.id());
            FaceImage image =
                    jpeg != null ? jpeg : FaceImage.of(Images.decode(record.bytes(), record.id()));
            List<Face> faces = analyzer.analyze(image, min);
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < faces.size(); i++) {
                Map<String, Object> face = new LinkedHashMap<>();
                face.put("face", i + 1);
                face.put("box", FaceOutput.box(faces.get(i).box()));
                face.put("descriptor", faces.get(i).descriptor());
                out.add(face);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("image", record.id());
            m.put("faces", out);
            return new BatchResult(m, faces.size());
        }

        @Override
        public void close() {
            analyzer.close();
        }
    }
}
