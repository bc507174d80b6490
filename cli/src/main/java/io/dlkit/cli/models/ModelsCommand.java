package io.dlkit.cli.models;

import io.dlkit.api.CommandContext;
import io.dlkit.cli.CliCommandContext;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dlkit models}: the pretrained-model store. Never loads native code. */
@Command(
        name = "models",
        description = {
            "The pretrained-model store: a catalog of named models with the SHA-256 of every file,"
                    + " cached per user (DLKIT_MODELS, default ~/.cache/dlkit/models).",
            "Files come from npm packages (through the npm command), https: URLs or local"
                    + " folders; --offline or DLKIT_OFFLINE=1 forbids fetching."
        },
        mixinStandardHelpOptions = true,
        subcommands = {
            ModelsListCommand.class,
            ModelsInfoCommand.class,
            ModelsPullCommand.class,
            ModelsVerifyCommand.class,
            ModelsRmCommand.class,
            ModelsImportCommand.class
        },
        footer = {
            "",
            "Exit codes: 2 for an unknown model, a damaged cached file (repair: dlkit models pull"
                    + " NAME --force) or a missing file while offline; 4 when npm is missing, a"
                    + " fetch fails or the cache cannot be written."
        })
public final class ModelsCommand implements Callable<Integer> {
    private final CommandContext ctx;

    @Inject
    ModelsCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return ctx.runCommand("models", "list");
    }

    /** The cache of this invocation, from the environment, the catalogs and the user catalog. */
    static ModelCache open(CommandContext ctx, boolean offline) {
        boolean off = offline || (ctx instanceof CliCommandContext c && c.offline());
        FetchSettings settings = FetchSettings.fromEnvironment(System.getenv(), off);
        return new ModelCache(
                ModelCatalog.forInvocation(settings.cache()),
                settings,
                ctx.settings().quiet()
                        ? new java.io.PrintWriter(java.io.Writer.nullWriter())
                        : ctx.err());
    }
}
