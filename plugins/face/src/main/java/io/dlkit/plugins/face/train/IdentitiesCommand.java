package io.dlkit.plugins.face.train;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.command.FaceOptions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit face identities IMG|DIR... --out DIR [--per-identity 10]}: stand-in training data
 * where no identity-labelled face set exists. Every face found becomes one identity, {@code
 * DIR/face_NN/NNN.png}, its images random flips, small crops and colour jitters of its aligned crop
 * widened by {@code --margin} ({@link AugmentedIdentities}), seeded with {@code --seed}.
 */
@Command(
        name = "identities",
        mixinStandardHelpOptions = true,
        description = {
            "Make person/*.png identities from photos: each face, augmented (flip, crop, colour).",
            "e.g. dlkit face identities group.jpg --out ids/ --per-identity 10"
        })
public final class IdentitiesCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images or folders.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--per-identity", defaultValue = "10", description = "Images each (10).")
    int perIdentity;

    @Option(
            names = "--margin",
            defaultValue = "0.3",
            description = "Context around each aligned face, times its side (0.3).")
    double margin;

    @Mixin FaceOptions options;

    private final CommandContext ctx;
    private final PretrainedModels store;

    /** dlkit injects the command context and the model store. */
    @Inject
    public IdentitiesCommand(CommandContext ctx, PretrainedModels store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        if (perIdentity < 1) {
            throw DlkitException.invalidInput("--per-identity must be >= 1, got " + perIdentity);
        }
        if (Files.exists(out) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    out + " already exists; choose another --out or pass --overwrite");
        }
        List<FaceImage> faces = new ArrayList<>();
        try (FaceAnalyzer analyzer = options.open(ctx, store)) {
            for (Path f : FaceOptions.imageFiles(images)) {
                faces.addAll(
                        analyzer.alignedFaces(
                                FaceOptions.read(f), options.minConfidence(), margin));
            }
        }
        if (faces.isEmpty()) throw DlkitException.invalidInput("no face found in the images");
        try {
            AugmentedIdentities.write(out, faces, perIdentity, ctx.settings().seed());
        } catch (IOException e) {
            throw new DlkitException(ExitCode.FAILED, out + ": cannot write: " + e.getMessage());
        }
        ctx.out().println(faces.size() + " identities x " + perIdentity + " images in " + out);
        ctx.out().flush();
        return 0;
    }
}
