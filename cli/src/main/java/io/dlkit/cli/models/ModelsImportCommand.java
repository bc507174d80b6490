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
 * machines without npm or network, and to seed a cache in CI. A NAME the catalog does not have
 * makes PATH (a TF.js graph model's folder or model.json) a model of the user catalog, every file's
 * SHA-256 recorded at import ({@link UserModels}).
 */
@Command(
        name = "import",
        description = {
            "Copy a catalog model's files from a local folder into the cache, verified.",
            "A NAME not in the catalog registers PATH, a TF.js graph model (model.json and its"
                    + " shards), as a model of your own under that name, usable like catalog"
                    + " models (summary, predict, bench infer)."
        },
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

    @Option(
            names = "--scale",
            paramLabel = "S",
            defaultValue = "0.00392156862745098",
            description =
                    "A model of your own: predict --data IMAGE feeds 0-255 pixel values times S"
                            + " (default: 1/255).")
    double scale;

    @Option(
            names = "--offset",
            paramLabel = "O",
            defaultValue = "0",
            description = "A model of your own: added to the scaled pixels (default: 0).")
    double offset;

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
            if (!cache.catalog().contains(name) || isUserModel(cache, name)) {
                importOwn(cache, name);
                continue;
            }
            new ModelPull(cache, ctx.err())
                    .pull(cache.catalog().get(name), new LocalSource(folder), force);
            ctx.out().println(name + ": " + cache.folder(name) + " verified");
        }
        ctx.out().flush();
        return 0;
    }

    private static boolean isUserModel(ModelCache cache, String name) {
        return UserCatalog.file(cache.settings().cache())
                .toString()
                .equals(cache.catalog().origin(name));
    }

    private void importOwn(ModelCache cache, String name) {
        if (!name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")) {
            throw DlkitException.invalidInput(
                    "model name '" + name + "' must be letters, digits, '_', '.' or '-'");
        }
        if (names.size() != 1) {
            throw DlkitException.invalidInput(
                    name + " is not in the catalog: give one --name to import a model of your own");
        }
        CatalogEntry e = UserModels.describe(name, path, scale, offset);
        new ModelPull(cache, ctx.err()).pull(e, ModelSource.parse(e.source(), name), true);
        UserCatalog.put(cache.settings().cache(), e);
        ctx.out()
                .println(
                        name
                                + ": "
                                + e.files().size()
                                + " files ("
                                + e.size()
                                + " bytes) in "
                                + cache.folder(name)
                                + ", SHA-256 recorded in "
                                + UserCatalog.file(cache.settings().cache()));
    }
}
