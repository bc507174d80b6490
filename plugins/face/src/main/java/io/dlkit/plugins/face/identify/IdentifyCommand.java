package io.dlkit.plugins.face.identify;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.plugins.face.Face;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.command.FaceOptions;
import io.dlkit.plugins.face.command.FaceOutput;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit face identify IMG|DIR... [--db FILE] [--threshold 0.6]}: each face gets the nearest
 * enrolled name within the threshold, or {@code unknown}, with its distance; face_recognition's CSV
 * ({@code file,name,distance}) or, with {@code --format json}, one JSON line per face ({@code file,
 * name, distance, box}). {@code --annotate DIR} writes {@code DIR/<image>-names.png}, a copy with
 * each face boxed and tagged with its name and distance.
 */
@Command(
        name = "identify",
        mixinStandardHelpOptions = true,
        description = {
            "Name the faces in images from the enrolled ones (nearest within the threshold).",
            "e.g. dlkit face identify party/ --db faces.db"
        })
public final class IdentifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images or folders of them.")
    List<Path> images = new ArrayList<>();

    @Option(
            names = "--db",
            paramLabel = "FILE",
            defaultValue = "faces.db",
            description = "The face database (default: ${DEFAULT-VALUE}).")
    Path dbFile;

    @Option(
            names = "--threshold",
            paramLabel = "D",
            defaultValue = "0.6",
            description = "Largest distance still the same person (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(
            names = "--annotate",
            paramLabel = "DIR",
            description = "Write a copy of each image with the names drawn here.")
    Path annotate;

    @Mixin FaceOptions options;

    private final CommandContext ctx;
    private final PretrainedModels store;

    /** dlkit injects the command context and the model store. */
    @Inject
    public IdentifyCommand(CommandContext ctx, PretrainedModels store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        if (!(threshold > 0)) {
            throw DlkitException.invalidInput("--threshold must be above 0, got " + threshold);
        }
        if (!Files.isRegularFile(dbFile)) {
            throw DlkitException.invalidInput(
                    dbFile + ": no face database; enrol people first with 'dlkit face enroll'");
        }
        List<Path> files = FaceOptions.imageFiles(images);
        String model = options.weights(store).recognitionModelId();
        Identifier identifier;
        try (FaceDatabase db = FaceDatabase.open(dbFile)) {
            db.requireModel(model);
            identifier = new Identifier(db.entries());
        }
        if (!ctx.settings().json()) {
            ctx.out().println("file,name,distance");
        }
        try (FaceAnalyzer analyzer = options.open(ctx, store)) {
            for (Path file : files) {
                FaceImage image = FaceOptions.read(file);
                List<Face> faces = analyzer.analyze(image, options.minConfidence());
                if (faces.isEmpty()) {
                    ctx.err().println(file + ": no face found");
                }
                List<Identifier.Match> matches = new ArrayList<>();
                for (Face face : faces) {
                    matches.add(identifier.identify(face.descriptor(), threshold));
                    print(file, face, matches.get(matches.size() - 1));
                }
                if (annotate != null) {
                    FaceOutput.writeImage(
                            ctx, annotate, file, "names", NamedFaces.draw(image, faces, matches));
                }
            }
        }
        ctx.out().flush();
        ctx.err().flush();
        return 0;
    }

    private void print(Path file, Face face, Identifier.Match m) {
        if (ctx.settings().json()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", file.toString());
            row.put("name", m.name());
            row.put("distance", Math.round(m.distance() * 1e4) / 1e4);
            row.put("box", FaceOutput.box(face.box()));
            FaceOutput.printJson(ctx, row);
        } else {
            ctx.out()
                    .println(
                            String.format(Locale.ROOT, "%s,%s,%.4f", file, m.name(), m.distance()));
        }
    }
}
