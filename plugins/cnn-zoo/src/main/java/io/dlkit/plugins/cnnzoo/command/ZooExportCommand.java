package io.dlkit.plugins.cnnzoo.command;

import io.dlkit.api.CommandContext;
import io.dlkit.plugins.cnnzoo.ZooArchitectures;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dlkit zoo export NAME}: the architecture as a model file ({@code input_shape}, {@code
 * layers}) that {@code dlkit train --model} and {@code dlkit summary} read. YAML on stdout or in
 * {@code -o FILE} (JSON when the file ends in {@code .json} or with {@code --format json} on
 * stdout); the file is written atomically and replaced only with {@code --overwrite}.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Print or write an architecture as a model file (YAML, or JSON for *.json).")
public final class ZooExportCommand implements Callable<Integer> {
    @Mixin SpecOptions spec;

    @Option(names = "--no-top", description = "Leave out the classifier (feature extraction).")
    boolean noTop;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the model file here instead of stdout.")
    Path output;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public ZooExportCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Map<String, Object> config = spec.config(new ZooArchitectures(), !noTop);
        if (output == null) {
            ctx.out().print(ctx.settings().json() ? json(config) : ZooFormats.yaml(config));
            ctx.out().flush();
            return 0;
        }
        Path target = ctx.settings().workDir().resolve(output);
        boolean json = target.getFileName().toString().endsWith(".json");
        Path written =
                ctx.writer().writeString(target, json ? json(config) : ZooFormats.yaml(config));
        if (!ctx.settings().quiet()) {
            ctx.err().println("wrote " + written);
            ctx.err().flush();
        }
        return 0;
    }

    private static String json(Map<String, Object> config) {
        return ZooFormats.json(config) + System.lineSeparator();
    }
}
