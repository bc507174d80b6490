package io.dlkit.cli.models;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.GraphModel;
import io.dlkit.backend.tfjs.TensorSpec;
import io.dlkit.cli.output.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;

/**
 * {@code dlkit export NAME --out DIR} for a graph model of the catalog: a SavedModel (tag {@code
 * serve}, signature {@code serving_default}) whose inputs and outputs are the model's, keyed by
 * their names with {@code /} and {@code :} turned into {@code _}. Written to a temporary folder,
 * then renamed.
 */
public final class GraphModelExport {
    private GraphModelExport() {}

    /** Exports catalog model {@code name} to {@code out}. */
    public static int export(CommandContext ctx, String name, Path out) {
        if (out == null) {
            throw DlkitException.invalidInput(
                    "exporting catalog model "
                            + name
                            + " needs --out DIR (it has no model directory of its own)");
        }
        if (Files.exists(out) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    out + " already exists; pass --overwrite to replace it");
        }
        ModelCache cache = ModelsCommand.open(ctx, false);
        CatalogEntry e = cache.catalog().get(name);
        var file = GraphModels.read(e, cache.require(name));
        Path tmp =
                out.toAbsolutePath()
                        .resolveSibling("." + out.getFileName() + "-" + System.nanoTime());
        Map<String, Object> r = new LinkedHashMap<>();
        try (GraphContext g = ctx.openGraph()) {
            GraphModel m = GraphModel.load(g, file);
            Signature.Builder sig = Signature.builder().key("serving_default");
            for (TensorSpec in : m.inputs())
                sig.input(key(in), g.graph().operation(in.name()).output(0));
            for (TensorSpec o : m.outputs()) {
                String[] parts = o.name().split(":");
                sig.output(
                        key(o),
                        g.graph()
                                .operation(parts[0])
                                .output(parts.length > 1 ? Integer.parseInt(parts[1]) : 0));
            }
            SavedModelBundle.exporter(tmp.toString())
                    .withSession(g.session())
                    .withSignature(sig.build())
                    .export();
            ModelCache.deleteTree(out);
            Files.move(tmp, out);
            r.put("saved_model", out.toString());
            r.put("tags", "serve");
            r.put("inputs", m.inputs().stream().map(GraphModelExport::key).toList());
            r.put("outputs", m.outputs().stream().map(GraphModelExport::key).toList());
        } catch (IOException ex) {
            try {
                ModelCache.deleteTree(tmp);
            } catch (IOException ignored) {
                // the first error is the one to report
            }
            throw new DlkitException(
                    ExitCode.FAILED,
                    "cannot export " + name + " to " + out + ": " + ex.getMessage(),
                    ex);
        }
        if (ctx.settings().json()) {
            Json.print(ctx.out(), r);
        } else {
            r.forEach((k, v) -> ctx.out().println(k + ": " + v));
            ctx.out().flush();
        }
        return 0;
    }

    private static String key(TensorSpec s) {
        return s.name().replace('/', '_').replace(':', '_');
    }
}
