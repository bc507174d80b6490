package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.ModelSummary;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.RunTrace;
import io.dlkit.backend.tensor.FloatFeed;
import io.dlkit.backend.train.StepGroups;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import io.dlkit.backend.train.schedule.Schedules;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.tensorflow.Result;
import org.tensorflow.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlkit bench}: measured throughput of dlkit's own training loop and inference. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks: training and inference throughput of a model on this machine.",
        subcommands = {BenchCommand.Train.class, BenchCommand.Infer.class, BenchGemmCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw DlkitException.invalidInput(
                "say what to benchmark: dlkit bench train|infer --model FILE (or --arch NAME)");
    }

    /** The model options both benchmarks share. */
    static class ModelOptions {
        @Option(
                names = "--model",
                paramLabel = "FILE",
                description =
                        "Model file (or a zoo architecture reference, or a graph model of the catalog: dlkit models list).")
        Path model;

        @Option(
                names = "--arch",
                paramLabel = "NAME",
                description = "A zoo architecture instead of --model (see dlkit zoo list).")
        String arch;

        @Option(
                names = "--input",
                paramLabel = "HxWxC",
                description = "Input shape for --arch, e.g. 224x224x3.")
        String input;

        @Option(
                names = "--classes",
                defaultValue = "10",
                paramLabel = "K",
                description = "Classes (default: ${DEFAULT-VALUE}).")
        int classes;

        @Option(
                names = "--batch-size",
                defaultValue = "128",
                paramLabel = "B",
                description = "Batch size (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(
                names = "--steps",
                defaultValue = "300",
                paramLabel = "S",
                description = "Timed steps (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(
                names = "--warmup",
                defaultValue = "20",
                paramLabel = "W",
                description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(
                names = "--profile",
                description =
                        "After the timed steps, run --profile-steps more with a full TensorFlow trace"
                                + " and print where a step's time goes: feeding, forward ops,"
                                + " gradient ops, optimizer updates, fetches (by op type) and Java"
                                + " time between runs.")
        boolean profile;

        @Option(
                names = "--profile-steps",
                defaultValue = "30",
                paramLabel = "S",
                description = "Traced steps of --profile (default: ${DEFAULT-VALUE}).")
        int profileSteps;

        @Option(
                names = "--peak",
                defaultValue = "0",
                paramLabel = "GFLOPS",
                description =
                        "The machine's matmul peak to set GFLOP/s against (dlkit bench gemm);"
                                + " default: measured quickly before the benchmark.")
        double peak;

        double peak(CommandContext ctx) {
            if (peak > 0) return peak;
            try (GraphContext g = ctx.openGraph()) {
                return GemmPeak.quickPeak(g);
            }
        }

        Sequential load(ModelFiles files) {
            if (steps < 1 || warmup < 0 || batchSize < 1 || profileSteps < 1) {
                throw DlkitException.invalidInput(
                        "--steps, --batch-size and --profile-steps must be >= 1 and --warmup >= 0");
            }
            if ((model == null) == (arch == null))
                throw DlkitException.invalidInput("give either --model FILE or --arch NAME");
            Map<String, Object> config;
            if (model != null) {
                config = files.read(model);
            } else {
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("architecture", arch);
                ref.put("classes", classes);
                if (input != null) ref.put("input_shape", parseShape(input));
                config = files.resolve(ref, "--arch " + arch);
            }
            return ModelBuild.model(config, model != null ? model.toString() : "--arch " + arch);
        }

        String label() {
            return model != null ? model.getFileName().toString() : arch;
        }
    }

    static List<Long> parseShape(String text) {
        try {
            return java.util.Arrays.stream(text.split("x")).map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            throw DlkitException.invalidInput("--input " + text + ": use HxWxC, e.g. 224x224x3");
        }
    }

    /** {@code dlkit bench train}: samples/s and GFLOP/s of the real training loop. */
    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            description =
                    "Training samples/second and GFLOP/s of a model (the real loop: shuffle, batch copy, feed, step).")
    static final class Train implements Callable<Integer> {
        @picocli.CommandLine.Mixin ModelOptions m = new ModelOptions();

        @Option(
                names = "--optimizer",
                defaultValue = "adam",
                paramLabel = "NAME",
                description = "Optimizer (default: ${DEFAULT-VALUE}).")
        String optimizer;

        @Option(
                names = "--lr",
                defaultValue = "0.001",
                paramLabel = "RATE",
                description = "Learning rate (default: ${DEFAULT-VALUE}).")
        double lr;

        private final CommandContext ctx;
        private final OptimizerRegistry optimizers;
        private final ModelFiles files;

        @Inject
        Train(CommandContext ctx, OptimizerRegistry optimizers, ModelFiles files) {
            this.ctx = ctx;
            this.optimizers = optimizers;
            this.files = files;
        }

        @Override
        public Integer call() {
            Sequential net = m.load(files);
            var opt = optimizers.create(optimizer, Map.of());
            Dataset data =
                    synthetic(
                            net.inputShape(),
                            Math.max(m.batchSize * 8, 1024),
                            m.classes,
                            ctx.settings().seed());
            TrainRequest r =
                    new TrainRequest(
                            null,
                            null,
                            null,
                            0,
                            null,
                            1,
                            m.batchSize,
                            optimizer,
                            Map.of(),
                            lr,
                            "constant",
                            0,
                            0,
                            0,
                            "auto",
                            null,
                            0,
                            null,
                            false,
                            false,
                            "none",
                            "none",
                            null);
            ModelBuild.planTowers(net, r, ctx.settings().threads());
            double peak = m.peak(ctx);
            try (GraphContext g = ctx.openGraph()) {
                TrainingGraph tg = ModelBuild.graph(g, net, opt, r);
                Map<String, Object> result =
                        measure(tg, data, ModelSummary.of(net).flopsPerSample());
                withPeak(result, peak);
                BenchProfile.printWith(ctx, result, m.profile ? profile(tg, data) : null);
            }
            return 0;
        }

        private Map<String, Object> profile(TrainingGraph tg, Dataset data) {
            int perEpoch = (data.size() + m.batchSize - 1) / m.batchSize;
            TrainOptions traced =
                    new TrainOptions(
                            (m.profileSteps + perEpoch - 1) / perEpoch,
                            m.batchSize,
                            Schedules.parse("constant", lr),
                            ctx.settings().seed(),
                            0,
                            null,
                            1);
            RunTrace trace = new RunTrace(tg.graph().graph(), StepGroups.of(tg));
            new Trainer(tg, traced, null, TrainingListener.NONE)
                    .tracing(trace)
                    .fit(data, null, TrainState.initial());
            return trace.summary();
        }

        private Map<String, Object> measure(TrainingGraph tg, Dataset data, long flops) {
            int b = m.batchSize;
            int perEpoch = (data.size() + b - 1) / b;
            if (m.warmup > 0) {
                TrainOptions warm =
                        new TrainOptions(
                                (m.warmup + perEpoch - 1) / perEpoch,
                                b,
                                Schedules.parse("constant", lr),
                                ctx.settings().seed(),
                                0,
                                null,
                                1);
                new Trainer(tg, warm, null, TrainingListener.NONE)
                        .fit(data, null, TrainState.initial());
            }
            TrainOptions timed =
                    new TrainOptions(
                            (m.steps + perEpoch - 1) / perEpoch,
                            b,
                            Schedules.parse("constant", lr),
                            ctx.settings().seed(),
                            0,
                            null,
                            1);
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            TrainState s =
                    new Trainer(tg, timed, null, TrainingListener.NONE)
                            .fit(data, null, TrainState.initial());
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> r =
                    report(
                            "train " + m.label(),
                            s.step(),
                            (long) s.step() * b,
                            seconds,
                            3.0 * flops);
            putCpu(r, cpuNanos() - c0, s.step());
            r.put(
                    "final_loss",
                    s.history().isEmpty() ? null : s.history().get(s.history().size() - 1).loss());
            return r;
        }

        private Map<String, Object> report(
                String workload, long steps, long samples, double seconds, double flopsPerSample) {
            return BenchCommand.report(
                    workload,
                    m.batchSize,
                    ctx.settings().threads(),
                    steps,
                    samples,
                    seconds,
                    flopsPerSample);
        }
    }

    /** {@code dlkit bench infer}: images/s of the forward pass in evaluation mode. */
    @Command(
            name = "infer",
            mixinStandardHelpOptions = true,
            description =
                    "Inference samples/second and GFLOP/s of a model's forward pass (evaluation mode).")
    static final class Infer implements Callable<Integer> {
        @picocli.CommandLine.Mixin ModelOptions m = new ModelOptions();

        @Option(
                names = "--frozen-weights",
                description =
                        "Run a copy of the graph with the weights as constants (oneDNN then"
                                + " reorders them once, not at every run): what an inference path"
                                + " with constant weights would gain.")
        boolean frozenWeights;

        private final CommandContext ctx;
        private final ModelFiles files;

        @Inject
        Infer(CommandContext ctx, ModelFiles files) {
            this.ctx = ctx;
            this.files = files;
        }

        @Override
        public Integer call() {
            if (m.model != null
                    && !java.nio.file.Files.exists(m.model)
                    && io.dlkit.cli.models.GraphModels.isCatalogName(m.model.toString())) {
                return io.dlkit.cli.models.GraphModelCommands.benchInfer(
                        ctx, m.model.toString(), m.batchSize, m.warmup, m.steps);
            }
            Sequential net = m.load(files);
            double peak = m.peak(ctx);
            try (GraphContext g = ctx.openGraph()) {
                long[] dims = new long[net.inputShape().length + 1];
                dims[0] = -1;
                System.arraycopy(net.inputShape(), 0, dims, 1, dims.length - 1);
                var x =
                        g.tf().placeholder(
                                        org.tensorflow.types.TFloat32.class,
                                        org.tensorflow.op.core.Placeholder.shape(
                                                org.tensorflow.ndarray.Shape.of(dims)));
                var built = net.forward(g, x, g.tf().constant(false)).output();
                g.session().initialize();
                Dataset data = synthetic(net.inputShape(), m.batchSize, 1, ctx.settings().seed());
                try (FloatFeed feed = new FloatFeed(net.inputShape());
                        io.dlkit.backend.runtime.FrozenGraph frozen =
                                frozenWeights
                                        ? io.dlkit.backend.runtime.FrozenGraph.of(
                                                g, java.util.List.of(x, built))
                                        : null) {
                    Session session = frozen == null ? g.session() : frozen.session();
                    org.tensorflow.Operand<?> in = frozen == null ? x : frozen.find(x);
                    org.tensorflow.Operand<?> out = frozen == null ? built : frozen.find(built);
                    var batch = feed.fill(data.features(), 0, m.batchSize);
                    for (int i = 0; i < m.warmup; i++) run(session, in, batch, out);
                    long t0 = System.nanoTime();
                    long c0 = cpuNanos();
                    for (int i = 0; i < m.steps; i++) run(session, in, batch, out);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    long cpu = cpuNanos() - c0;
                    long flops = ModelSummary.of(net).flopsPerSample();
                    Map<String, Object> result =
                            report(
                                    "infer "
                                            + m.label()
                                            + (frozen == null ? "" : " (frozen weights)"),
                                    m.batchSize,
                                    ctx.settings().threads(),
                                    m.steps,
                                    (long) m.steps * m.batchSize,
                                    seconds,
                                    flops);
                    putCpu(result, cpu, m.steps);
                    if (frozen != null) result.put("freeze_ms", frozen.freezeMillis());
                    withPeak(result, peak);
                    Map<String, Object> profile = null;
                    if (m.profile) {
                        org.tensorflow.Graph traced = frozen == null ? g.graph() : frozen.graph();
                        RunTrace trace = new RunTrace(traced, StepGroups.inference(traced));
                        for (int i = 0; i < m.profileSteps; i++) {
                            try (Result res =
                                    trace.run(session.runner().feed(in, batch).fetch(out))) {
                                res.get(0);
                            }
                        }
                        profile = trace.summary();
                    }
                    BenchProfile.printWith(ctx, result, profile);
                }
            }
            return 0;
        }

        private static void run(
                Session s,
                org.tensorflow.Operand<?> x,
                org.tensorflow.Tensor batch,
                org.tensorflow.Operand<?> out) {
            try (Result r = s.runner().feed(x, batch).fetch(out).run()) {
                r.get(0);
            }
        }
    }

    static Map<String, Object> report(
            String workload,
            int batch,
            int threads,
            long steps,
            long samples,
            double seconds,
            double flopsPerSample) {
        double sps = samples / seconds;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", workload);
        m.put("batch", batch);
        m.put("threads", threads);
        // training split into towers, one per thread, each kernel on one thread (Towers)
        if (io.dlkit.backend.runtime.TfRuntime.towers() > 1)
            m.put("towers", io.dlkit.backend.runtime.TfRuntime.towers());
        m.put("steps", steps);
        m.put("samples_per_s", Math.round(sps * 10) / 10.0);
        m.put("ms_per_step", Math.round(seconds * 1e6 / steps) / 1000.0);
        m.put("gflops_per_s", Math.round(flopsPerSample * sps / 1e7) / 100.0);
        return m;
    }

    /**
     * The process's CPU time (all threads, TensorFlow's included), or -1 where the JVM cannot tell.
     * On a shared machine CPU time per step is steadier than wall time.
     */
    static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getProcessCpuTime()
                : -1;
    }

    static void putCpu(Map<String, Object> result, long cpuNanos, long steps) {
        if (cpuNanos >= 0)
            result.put("cpu_ms_per_step", Math.round(cpuNanos / 1e3 / steps) / 1000.0);
    }

    /** Adds the machine's matmul peak and the result's share of it. */
    static void withPeak(Map<String, Object> result, double peak) {
        double gf = ((Number) result.get("gflops_per_s")).doubleValue();
        result.put("peak_gflops_per_s", Math.round(peak * 10) / 10.0);
        result.put("share_of_peak", Math.round(gf / peak * 1000) / 1000.0);
    }

    static Dataset synthetic(long[] shape, int m, int classes, long seed) {
        long size = 1;
        for (long d : shape) size *= d;
        Random rnd = new Random(seed);
        float[] x = new float[Math.toIntExact(size * m)];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextFloat();
        int[] y = new int[m];
        for (int i = 0; i < m; i++) y[i] = rnd.nextInt(classes);
        return Dataset.ofClasses(x, y, classes, shape);
    }
}
