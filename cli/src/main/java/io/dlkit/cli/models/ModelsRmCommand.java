package io.dlkit.cli.models;

import io.dlkit.api.CommandContext;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dlkit models rm NAME}. */
@Command(
        name = "rm",
        description = "Delete a model's files from the cache.",
        mixinStandardHelpOptions = true)
final class ModelsRmCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "A model name.")
    String name;

    private final CommandContext ctx;

    @Inject
    ModelsRmCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ModelCache cache = ModelsCommand.open(ctx, true);
        boolean removed = cache.remove(name);
        ctx.out().println(name + (removed ? ": removed " + cache.folder(name) : ": not cached"));
        if (UserCatalog.remove(cache.settings().cache(), name)) {
            ctx.out().println(name + ": removed from the user catalog");
        }
        ctx.out().flush();
        return 0;
    }
}
