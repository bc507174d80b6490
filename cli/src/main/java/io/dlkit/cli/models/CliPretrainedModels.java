package io.dlkit.cli.models;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.GraphModel;
import io.dlkit.backend.tfjs.NamedTensors;
import io.dlkit.backend.tfjs.WeightManifest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;

/** The host's {@link PretrainedModels}: the catalog and the per-user cache. */
public final class CliPretrainedModels implements PretrainedModels {
    private final CommandContext ctx;

    @Inject
    CliPretrainedModels(CommandContext ctx) {
        this.ctx = ctx;
    }

    private ModelCache cache() {
        return ModelsCommand.open(ctx, false);
    }

    @Override
    public List<String> names() {
        return cache().catalog().all().stream().map(CatalogEntry::name).toList();
    }

    @Override
    public Path require(String name) {
        return cache().require(name);
    }

    @Override
    public GraphModel openGraph(GraphContext graph, String name) {
        ModelCache cache = cache();
        CatalogEntry e = cache.catalog().get(name);
        return GraphModel.load(graph, GraphModels.read(e, cache.require(name)));
    }

    @Override
    public NamedTensors weights(String name) {
        ModelCache cache = cache();
        CatalogEntry e = cache.catalog().get(name);
        if (!e.importer().equals("tfjs-weights")) {
            throw DlkitException.invalidInput(
                    name
                            + " is a "
                            + e.importer()
                            + " model, not a weights manifest; open it with openGraph");
        }
        return WeightManifest.read(cache.require(name)).load();
    }
}
