package io.dlkit.plugins.face.identify;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.plugins.face.Face;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.command.FaceOptions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit face enroll --name NAME IMG|DIR... [--db FILE]}: stores the descriptor of every face
 * of the images under NAME, one transaction per image.
 */
@Command(
        name = "enroll",
        mixinStandardHelpOptions = true,
        description = {
            "Enrol a person: store the descriptors of the faces in the images under a name.",
            "e.g. dlkit face enroll --name alice alice/ --db faces.db"
        })
public final class EnrollCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images or folders of them.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who it is.")
    String name;

    @Option(
            names = "--db",
            paramLabel = "FILE",
            defaultValue = "faces.db",
            description = "The face database (SQLite; default: ${DEFAULT-VALUE}).")
    Path dbFile;

    @Mixin FaceOptions options;

    private final CommandContext ctx;
    private final PretrainedModels store;

    /** dlkit injects the command context and the model store. */
    @Inject
    public EnrollCommand(CommandContext ctx, PretrainedModels store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        if (name.isBlank() || name.equals("unknown")) {
            throw DlkitException.invalidInput("--name must not be blank or 'unknown'");
        }
        List<Path> files = FaceOptions.imageFiles(images);
        String model = options.weights(store).recognitionModelId();
        int total = 0;
        try (FaceDatabase db = FaceDatabase.open(dbFile);
                FaceAnalyzer analyzer = options.open(ctx, store)) {
            db.requireModel(model);
            for (Path file : files) {
                List<Face> faces =
                        analyzer.analyze(FaceOptions.read(file), options.minConfidence());
                if (faces.isEmpty()) {
                    ctx.err().println(file + ": no face found; nothing enrolled from it");
                    continue;
                }
                List<float[]> descriptors = faces.stream().map(Face::descriptor).toList();
                List<String> boxes = faces.stream().map(EnrollCommand::box).toList();
                db.enroll(name, model, descriptors, sha256(file), boxes);
                total += faces.size();
            }
        }
        ctx.out().println("enrolled " + total + " face(s) as " + name + " in " + dbFile);
        ctx.out().flush();
        ctx.err().flush();
        return 0;
    }

    private static String box(Face f) {
        return String.format(
                Locale.ROOT,
                "%.1f,%.1f,%.1f,%.1f",
                f.box().x(),
                f.box().y(),
                f.box().width(),
                f.box().height());
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw DlkitException.invalidInput(file + ": cannot read: " + e.getMessage());
        }
    }
}
