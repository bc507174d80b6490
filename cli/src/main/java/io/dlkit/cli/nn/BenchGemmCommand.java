package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.runtime.GraphContext;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlkit bench gemm}: the machine's float32 matmul peak through the backend. */
@Command(
        name = "gemm",
        mixinStandardHelpOptions = true,
        description =
                "The machine's matrix-multiply peak (GFLOP/s) through the backend: the best of"
                        + " repeated n x n float32 multiplies, per size; other bench results are"
                        + " set against the best.")
final class BenchGemmCommand implements Callable<Integer> {
    @Option(
            names = "--sizes",
            split = ",",
            defaultValue = "256,512,1024,2048",
            paramLabel = "N,...",
            description = "Square matrix sizes (default: ${DEFAULT-VALUE}).")
    int[] sizes;

    @Option(
            names = "--steps",
            defaultValue = "10",
            paramLabel = "S",
            description =
                    "Timed multiplies per size; the fastest counts (default: ${DEFAULT-VALUE}).")
    int steps;

    private final CommandContext ctx;

    @Inject
    BenchGemmCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (steps < 1) throw DlkitException.invalidInput("--steps must be >= 1");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("workload", "gemm float32");
        r.put("threads", ctx.settings().threads());
        double best = 0;
        for (int n : sizes) {
            if (n < 1 || n > 8192)
                throw DlkitException.invalidInput(
                        "--sizes: each size must be in 1..8192, got " + n);
            try (GraphContext g = ctx.openGraph()) {
                double gf = GemmPeak.measure(g, n, 2, steps);
                r.put("gflops_per_s_" + n, Math.round(gf * 10) / 10.0);
                best = Math.max(best, gf);
            }
        }
        r.put("peak_gflops_per_s", Math.round(best * 10) / 10.0);
        Results.print(ctx, r);
        return 0;
    }
}
