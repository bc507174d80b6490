package io.dlkit.cli.models;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit models import PATH --name NAME...}: copies a catalog model's files from a local
 * folder (or from beside a file) into the cache, checked against the catalog like a pull. For
 * machines without npm or network, and to seed a cache in CI.
 */
@Command(
        name = "import",
        description = "Copy a catalog model's files from a local folder into the cache, verified.",
        mixinStandardHelpOptions = true)
final class ModelsImportCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "PATH",
            description = "A folder holding the model's files, or one of them.")
    Path path;

    @Option(
            names = "--name",
            required = true,
            paramLabel = "NAME",
            description = "The catalog name(s) of the model(s) in PATH; repeat for several.")
    List<String> names;

    @Option(names = "--force", description = "Copy every file again, intact or not.")
    boolean force;

    private final CommandContext ctx;

    @Inject
    ModelsImportCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!Files.exists(path)) {
            throw DlkitException.invalidInput(
                    path + " does not exist; give the folder that holds" + " the model's files");
        }
        Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        ModelCache cache = ModelsCommand.open(ctx, true);
        for (String name : names) {
            new ModelPull(cache, ctx.err())
                    .pull(cache.catalog().get(name), new LocalSource(folder), force);
            ctx.out().println(name + ": " + cache.folder(name) + " verified");
        }
        ctx.out().flush();
        return 0;
    }
}
