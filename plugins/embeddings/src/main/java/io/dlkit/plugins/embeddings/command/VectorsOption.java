package io.dlkit.plugins.embeddings.command;

import io.dlkit.api.CommandContext;
import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.format.VectorFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --vectors FILE} option of the commands that use vectors. */
public final class VectorsOption {
    @Option(
            names = "--vectors",
            required = true,
            paramLabel = "FILE",
            description = "Word vectors: word2vec binary or text, GloVe text or .npz (detected).")
    Path vectors;

    /** Reads the vectors, the path taken relative to the working directory. */
    public WordVectors read(CommandContext ctx) {
        return VectorFiles.read(ctx.settings().workDir().resolve(vectors));
    }
}
