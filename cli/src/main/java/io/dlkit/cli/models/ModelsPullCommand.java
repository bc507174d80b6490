package io.dlkit.cli.models;

import io.dlkit.api.CommandContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlkit models pull NAME... [--force]} (the global {@code --offline} forbids fetching). */
@Command(
        name = "pull",
        description = "Fetch models into the cache (the missing or damaged files), verified.",
        mixinStandardHelpOptions = true)
final class ModelsPullCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Model names.")
    List<String> names;

    @Option(names = "--force", description = "Fetch every file again, intact or not.")
    boolean force;

    private final CommandContext ctx;

    @Inject
    ModelsPullCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ModelCache cache = ModelsCommand.open(ctx, false);
        for (String name : names) {
            new ModelPull(cache, ctx.err()).pull(cache.catalog().get(name), force);
            if (!ctx.settings().quiet()) {
                ctx.out().println(name + ": " + cache.folder(name) + " verified");
            }
        }
        ctx.out().flush();
        return 0;
    }
}
