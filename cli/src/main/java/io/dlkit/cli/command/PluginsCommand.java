package io.dlkit.cli.command;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.cli.output.Json;
import io.dlkit.cli.output.Table;
import io.dlkit.cli.pipeline.StepRegistry;
import io.dlkit.cli.plugin.PluginHost;
import io.dlkit.cli.plugin.PluginStatus;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dlkit plugins [list]} and {@code dlkit plugins info ID}. Never loads native code. */
@Command(
        name = "plugins",
        description = "List plugins with their state, or show one plugin's details.",
        mixinStandardHelpOptions = true,
        subcommands = {PluginsCommand.Info.class})
public final class PluginsCommand implements Callable<Integer> {
    private final PluginHost host;
    private final CommandContext ctx;

    private final Provider<StepRegistry> steps;

    @Inject
    PluginsCommand(PluginHost host, CommandContext ctx, Provider<StepRegistry> steps) {
        this.host = host;
        this.ctx = ctx;
        this.steps = steps;
    }

    @Override
    public Integer call() {
        steps.get(); // surfaces plugins whose step types cannot be created
        List<PluginStatus> all = host.statuses();
        PrintWriter out = ctx.out();
        if (ctx.settings().json()) {
            Json.print(out, all);
            return 0;
        }
        Table t = new Table("ID", "VERSION", "STATE", "DESCRIPTION");
        for (PluginStatus p : all) {
            t.row(
                    p.id(),
                    p.version(),
                    p.started() ? p.state() : p.state() + ": " + shortReason(p),
                    p.description());
        }
        t.print(out);
        return 0;
    }

    /** Long reasons are cut in the table; {@code dlkit plugins info ID} shows them whole. */
    static String shortReason(PluginStatus p) {
        int max = 120;
        String reason = p.reason();
        return reason.length() <= max
                ? reason
                : reason.substring(0, max) + "... (dlkit plugins info " + p.id() + ")";
    }

    /** {@code dlkit plugins info ID}. */
    @Command(
            name = "info",
            description = "Show a plugin's id, version, state, extensions and failure reason.",
            mixinStandardHelpOptions = true)
    static final class Info implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The plugin id, as 'dlkit plugins' lists it.")
        String id;

        private final PluginHost host;
        private final CommandContext ctx;

        @Inject
        Info(PluginHost host, CommandContext ctx) {
            this.host = host;
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            List<PluginStatus> all = host.statuses();
            PluginStatus p =
                    all.stream()
                            .filter(s -> s.id().equals(id))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            DlkitException.invalidInput(
                                                    "no plugin '"
                                                            + id
                                                            + "'; known: "
                                                            + String.join(
                                                                    ", ",
                                                                    all.stream()
                                                                            .map(PluginStatus::id)
                                                                            .toList())));
            if (ctx.settings().json()) {
                Json.print(ctx.out(), p);
                return 0;
            }
            PrintWriter out = ctx.out();
            out.println("id:          " + p.id());
            out.println("version:     " + p.version());
            out.println("state:       " + p.state());
            if (!p.reason().isEmpty()) out.println("reason:      " + p.reason());
            out.println("description: " + p.description());
            out.println("requires:    dlkit " + p.requires());
            out.println("file:        " + p.path());
            out.println(
                    "extensions:  "
                            + (p.extensions().isEmpty()
                                    ? "(none)"
                                    : String.join(", ", p.extensions())));
            out.flush();
            return 0;
        }
    }
}
