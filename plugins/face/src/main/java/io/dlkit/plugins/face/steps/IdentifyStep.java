package io.dlkit.plugins.face.steps;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Drawing;
import io.dlkit.backend.image.Images;
import io.dlkit.plugins.face.command.FaceOutput;
import io.dlkit.plugins.face.identify.FaceDatabase;
import io.dlkit.plugins.face.identify.Identifier;
import io.dlkit.plugins.face.identify.NamedFaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code face/identify}: each embedded face named from a face database (the nearest enrolled
 * descriptor within the threshold, else {@code unknown}); with {@code annotate: true} a copy of
 * every photo with the names drawn, {@code <photo>-names.png} in the run's output directory.
 */
final class IdentifyStep implements StepType {
    private final FaceStepProvider provider;

    IdentifyStep(FaceStepProvider provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return "identify";
    }

    @Override
    public String description() {
        return "Name each embedded face from a face database; optionally draw the names.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("db", ParamType.PATH, "the face database (dlkit face enroll)"),
                ParamSpec.optional(
                        "threshold", ParamType.FLOAT, 0.6, "largest same-person distance"),
                ParamSpec.optional("annotate", ParamType.BOOL, false, "write <photo>-names.png"),
                FaceStepProvider.modelsParam());
    }

    @Override
    public List<Port> inputs() {
        return List.of(FaceStepProvider.facesInput("face/embed"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.of("boxes", ArtifactType.BOXES, "the first photo's faces, tagged with names"),
                Port.of("matches", ArtifactType.JSON, "[{file, name, distance, box}] per face"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        double threshold = params.number("threshold");
        if (!(threshold > 0)) {
            throw DlkitException.invalidInput(
                    "face/identify: threshold must be above 0, got " + threshold);
        }
        Path dbFile = params.path("db");
        if (!Files.isRegularFile(dbFile)) {
            throw DlkitException.invalidInput(
                    dbFile + ": no face database; enrol people first with 'dlkit face enroll'");
        }
        Identifier identifier;
        try (FaceDatabase db = FaceDatabase.open(dbFile)) {
            db.requireModel(provider.weights(params).recognitionModelId());
            identifier = new Identifier(db.entries());
        }
        List<Map<String, Object>> matches = new ArrayList<>();
        List<Box> firstBoxes = null;
        for (FacePhoto photo : FaceStepProvider.photos(inputs)) {
            FaceStepProvider.require(
                    photo.descriptors().size() == photo.boxes().size(),
                    "face/identify",
                    "descriptors",
                    "face/embed");
            List<Box> boxes = new ArrayList<>();
            for (int i = 0; i < photo.boxes().size(); i++) {
                Identifier.Match m = identifier.identify(photo.descriptors().get(i), threshold);
                boxes.add(NamedFaces.box(photo.boxes().get(i), m));
                matches.add(row(photo, i, m));
            }
            if (firstBoxes == null) {
                firstBoxes = boxes;
            }
            if (params.bool("annotate")) {
                write(context, photo, boxes);
            }
        }
        return Map.of("boxes", firstBoxes == null ? List.of() : firstBoxes, "matches", matches);
    }

    private static Map<String, Object> row(FacePhoto photo, int i, Identifier.Match m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", photo.id());
        row.put("name", m.name());
        row.put(
                "distance",
                Double.isNaN(m.distance()) ? null : Math.round(m.distance() * 1e4) / 1e4);
        row.put("box", FaceOutput.box(photo.boxes().get(i)));
        return row;
    }

    private static void write(StepContext context, FacePhoto photo, List<Box> boxes) {
        Path target = context.outputDir().resolve(photo.stem() + "-names.png");
        context.writer().checkWritable(target);
        try {
            Files.createDirectories(target.getParent());
            Images.write(target, Drawing.drawBoxes(photo.image().toImage(), boxes));
        } catch (IOException e) {
            throw DlkitException.failed(target + ": cannot write: " + e.getMessage(), e);
        }
        context.recordOutput(target);
    }
}
