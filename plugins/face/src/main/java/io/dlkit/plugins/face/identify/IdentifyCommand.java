package io.dlkit.plugins.face.identify;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.plugins.face.Face;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.ModelFolder;
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
 * ({@code file,name,distance}) or, with {@code --format json}, one JSON line per face.
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

    @Mixin FaceOptions options;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public IdentifyCommand(CommandContext ctx) {
        this.ctx = ctx;
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
        String model = ModelFolder.resolve(options.models(), System.getenv()).recognitionModelId();
        Identifier identifier;
        try (FaceDatabase db = FaceDatabase.open(dbFile)) {
            db.requireModel(model);
            identifier = new Identifier(db.entries());
        }
        if (!ctx.settings().json()) {
            ctx.out().println("file,name,distance");
        }
        try (FaceAnalyzer analyzer = options.open(ctx)) {
            for (Path file : files) {
                List<Face> faces =
                        analyzer.analyze(FaceOptions.read(file), options.minConfidence());
                if (faces.isEmpty()) {
                    ctx.err().println(file + ": no face found");
                }
                for (Face face : faces) {
                    print(file, face, identifier.identify(face.descriptor(), threshold));
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
