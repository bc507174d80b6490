package io.dlkit.plugins.detector.command;

import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.GraphModel;
import io.dlkit.backend.tfjs.GraphModelFile;
import io.dlkit.backend.tfjs.NamedTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's bundled NanoDet ({@code samples/models/nanodet}) as the only store model. */
final class RepoModels implements PretrainedModels {
    static final Path NANODET = Path.of("../../samples/models/nanodet/nanodet.json");

    static boolean available() {
        return Files.isRegularFile(NANODET);
    }

    @Override
    public List<String> names() {
        return List.of("nanodet");
    }

    @Override
    public Path require(String name) {
        return NANODET;
    }

    @Override
    public GraphModel openGraph(GraphContext graph, String name) {
        return GraphModel.load(graph, GraphModelFile.read(NANODET));
    }

    @Override
    public NamedTensors weights(String name) {
        throw new UnsupportedOperationException("no weights-manifest models here");
    }
}
