package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.FileKind;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit export MODEL_DIR}: writes a TensorFlow SavedModel for serving (TF Serving, Python
 * {@code tf.saved_model.load}, TF Java): tag {@code serve}, signature {@code serving_default} with
 * input {@code x} (raw features, shape {@code [batch, input_shape...]}, normalized inside dlkit
 * only: feed already-normalized features when the model stores a normalization) and output {@code
 * output} (the activated model output). Written to a temporary folder, then renamed.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description =
                "Export a trained model as a TensorFlow SavedModel (saved_model/ in the model directory).")
public final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL_DIR", description = "A model directory written by dlkit train.")
    Path modelDir;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where to write it (default: MODEL_DIR/saved_model).")
    Path out;

    private final CommandContext ctx;
    private final OptimizerRegistry optimizers;

    @Inject
    ExportCommand(CommandContext ctx, OptimizerRegistry optimizers) {
        this.ctx = ctx;
        this.optimizers = optimizers;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(modelDir)
                && io.dlkit.cli.models.GraphModels.isCatalogName(modelDir.toString())) {
            return io.dlkit.cli.models.GraphModelExport.export(ctx, modelDir.toString(), out);
        }
        Path target = (out != null ? out : modelDir.resolve("saved_model")).toAbsolutePath();
        FileKind kind = FileKind.of(target);
        if (kind != FileKind.MISSING && kind != FileKind.FOLDER) {
            throw DlkitException.invalidInput(
                    target + ": is " + kind.description() + ", not a folder; give a folder path");
        }
        if (kind == FileKind.FOLDER && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    target
                            + " already exists; pass --overwrite to replace it or choose another path");
        }
        ModelDir.open(modelDir);
        ctx.writer().prepareFolder(target.getParent(), null);
        Path tmp = target.resolveSibling("." + target.getFileName() + "-" + System.nanoTime());
        String signature = "serving_default: x -> output";
        if (FunctionalTrained.isFunctional(modelDir)) {
            signature = exportFunctional(tmp, target);
        } else
            try (TrainedModel m = TrainedModel.open(modelDir, ctx, optimizers)) {
                Signature sig =
                        Signature.builder()
                                .key("serving_default")
                                .input("x", m.training.x)
                                .output("output", m.training.output)
                                .build();
                SavedModelBundle.exporter(tmp.toString())
                        .withSession(m.graph.session())
                        .withSignature(sig)
                        .export();
                deleteTree(target);
                Files.move(tmp, target);
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                if (e instanceof DlkitException d) throw d;
                throw new DlkitException(
                        ExitCode.FAILED,
                        "cannot export " + modelDir + " to " + target + ": " + reason(e),
                        e);
            }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("saved_model", target.toString());
        r.put("tags", "serve");
        r.put("signature", signature);
        Results.print(ctx, r);
        return 0;
    }

    /** Exports a functional model with every named input and output; returns the signature. */
    private String exportFunctional(Path tmp, Path target) throws IOException {
        try (FunctionalTrained m = FunctionalTrained.open(modelDir, ctx, optimizers)) {
            SavedModelBundle.exporter(tmp.toString())
                    .withSession(m.graph.session())
                    .withSignature(FunctionalCommands.signature(m))
                    .export();
            deleteTree(target);
            Files.move(tmp, target);
            return FunctionalCommands.signatureText(m);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            if (e instanceof DlkitException d) throw d;
            throw new DlkitException(
                    ExitCode.FAILED,
                    "cannot export " + modelDir + " to " + target + ": " + reason(e),
                    e);
        }
    }

    /** The cause without the temporary folder's name, which means nothing to the user. */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
