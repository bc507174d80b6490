package com.example.dlkit.stats;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.backend.runtime.GraphContext;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Contributes {@code dlkit tensor-stats FILE}: statistics of an image or a .npy array. */
@Extension
@Command(
        name = "tensor-stats",
        mixinStandardHelpOptions = true,
        description = "Print min, max, mean and std of an image or a .npy array (example plugin).")
public class StatsCommand implements CommandProvider, Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "An image (PNG, JPEG) or a NumPy .npy file.")
    Path file;

    private final CommandContext ctx;

    /** dlkit injects the command context (settings, output streams, graph factory). */
    @Inject
    public StatsCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Object command() {
        return this;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw DlkitException.invalidInput(file + ": no such file");
        }
        Map<String, Object> stats;
        try (GraphContext g = ctx.openGraph()) {
            stats = TensorStats.compute(g, TensorStats.read(file));
        }
        if (ctx.settings().json()) {
            StringBuilder sb = new StringBuilder("{");
            stats.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k)
                    .append("\": ").append(v instanceof long[] s ? java.util.Arrays.toString(s) : v));
            ctx.out().println(sb.append('}'));
        } else {
            stats.forEach((k, v) -> ctx.out().printf("%-6s %s%n", k,
                    v instanceof long[] s ? java.util.Arrays.toString(s) : v));
        }
        ctx.out().flush();
        return 0;
    }
}
