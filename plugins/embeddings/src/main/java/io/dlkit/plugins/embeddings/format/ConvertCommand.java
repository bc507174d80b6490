package io.dlkit.plugins.embeddings.format;

import io.dlkit.api.CommandContext;
import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.command.CommandIo;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlkit embed convert IN OUT [--to FORMAT]}: rewrites a vectors file in another format. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = {
            "Convert word vectors between word2vec binary/text, GloVe text and .npz.",
            "e.g. dlkit embed convert vectors.bin vectors.txt"
        })
public final class ConvertCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "IN",
            description = "Vectors in any supported format (detected).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Option(
            names = "--to",
            paramLabel = "FORMAT",
            description =
                    "word2vec-bin, word2vec-text, glove-text or npz (default: from OUT's extension).")
    String to;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public ConvertCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path source = CommandIo.resolve(ctx, in);
        Path target = CommandIo.resolve(ctx, out);
        VectorFormat format = VectorFiles.forOutput(target, to);
        ctx.writer().checkWritable(target);
        VectorFormat from = VectorFiles.detect(source);
        WordVectors vectors = VectorFiles.read(source);
        Path written = CommandIo.writeVectors(ctx, vectors, target, format);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("from", from.id());
        r.put("to", format.id());
        r.put("words", vectors.size());
        r.put("dim", vectors.dim());
        r.put("out", written.toString());
        if (ctx.settings().json()) {
            CommandIo.printJson(ctx, r);
        } else {
            ctx.out()
                    .printf(
                            "%s (%s) -> %s (%s): %d words x %d%n",
                            source, from.id(), written, format.id(), vectors.size(), vectors.dim());
            ctx.out().flush();
        }
        return 0;
    }
}
