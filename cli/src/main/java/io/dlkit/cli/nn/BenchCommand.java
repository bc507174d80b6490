package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.ModelSummary;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import io.dlkit.backend.train.schedule.Schedules;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlkit bench}: measured throughput of dlkit's own training loop. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: training throughput of a model file on this machine.",
        subcommands = BenchCommand.Train.class)
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw DlkitException.invalidInput("say what to benchmark: dlkit bench train --model FILE");
    }

    /** {@code dlkit bench train}: samples/s and GFLOP/s of the real training loop. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Training samples/second and GFLOP/s of a model (the real loop: shuffle, batch copy, feed, step).")
    static final class Train implements Callable<Integer> {
        @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file.")
        Path model;

        @Option(names = "--batch-size", defaultValue = "128", paramLabel = "B", description = "Batch size (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--steps", defaultValue = "300", paramLabel = "S", description = "Timed steps (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--warmup", defaultValue = "20", paramLabel = "W", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "NAME", description = "Optimizer (default: ${DEFAULT-VALUE}).")
        String optimizer;

        @Option(names = "--lr", defaultValue = "0.001", paramLabel = "RATE", description = "Learning rate (default: ${DEFAULT-VALUE}).")
        double lr;

        @Option(names = "--classes", defaultValue = "10", paramLabel = "K", description = "Classes of the synthetic labels (default: ${DEFAULT-VALUE}).")
        int classes;

        private final CommandContext ctx;
        private final OptimizerRegistry optimizers;

        @Inject
        Train(CommandContext ctx, OptimizerRegistry optimizers) {
            this.ctx = ctx;
            this.optimizers = optimizers;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Integer call() {
            if (steps < 1 || warmup < 0) throw DlkitException.invalidInput("--steps must be >= 1 and --warmup >= 0");
            Map<String, Object> content = Yaml.read(model);
            Object section = content.get("model");
            Sequential net = ModelBuild.model(section instanceof Map<?, ?> ? (Map<String, Object>) section : content, model.toString());
            Dataset data = synthetic(net.inputShape(), Math.max(batchSize * 8, 1024));
            TrainRequest r = new TrainRequest(model, null, null, 0, null, 1, batchSize, optimizer, Map.of(), lr,
                    "constant", 0, 0, 0, "auto", null, 0, null, false, false);
            try (GraphContext g = ctx.openGraph()) {
                TrainingGraph tg = ModelBuild.graph(g, net, optimizers.create(optimizer, Map.of()), r);
                Map<String, Object> result = measure(tg, data, ModelSummary.of(net).flopsPerSample());
                Results.print(ctx, result);
            }
            return 0;
        }

        private Map<String, Object> measure(TrainingGraph tg, Dataset data, long flops) {
            int perEpoch = (data.size() + batchSize - 1) / batchSize;
            TrainOptions warm = new TrainOptions(Math.max(1, (warmup + perEpoch - 1) / perEpoch), batchSize,
                    Schedules.parse("constant", lr), ctx.settings().seed(), 0, null, 1);
            if (warmup > 0) new Trainer(tg, warm, null, TrainingListener.NONE).fit(data, null, TrainState.initial());
            int epochs = (steps + perEpoch - 1) / perEpoch;
            TrainOptions timed = new TrainOptions(epochs, batchSize, Schedules.parse("constant", lr), ctx.settings().seed(), 0, null, 1);
            long t0 = System.nanoTime();
            TrainState s = new Trainer(tg, timed, null, TrainingListener.NONE).fit(data, null, TrainState.initial());
            double seconds = (System.nanoTime() - t0) / 1e9;
            long samples = (long) s.step() * batchSize;
            double sps = samples / seconds;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workload", "train " + model.getFileName());
            m.put("batch", batchSize);
            m.put("threads", ctx.settings().threads());
            m.put("steps", s.step());
            m.put("samples_per_s", Math.round(sps * 10) / 10.0);
            m.put("ms_per_step", Math.round(seconds * 1e6 / s.step()) / 1000.0);
            // forward + backward is about three forward passes
            m.put("gflops_per_s", Math.round(3.0 * flops * sps / 1e7) / 100.0);
            m.put("final_loss", s.history().isEmpty() ? null : s.history().get(s.history().size() - 1).loss());
            return m;
        }

        private Dataset synthetic(long[] shape, int m) {
            long size = 1;
            for (long d : shape) size *= d;
            Random rnd = new Random(ctx.settings().seed());
            float[] x = new float[Math.toIntExact(size * m)];
            for (int i = 0; i < x.length; i++) x[i] = rnd.nextFloat();
            int[] y = new int[m];
            for (int i = 0; i < m; i++) y[i] = rnd.nextInt(classes);
            return Dataset.ofClasses(x, y, classes, shape);
        }
    }
}
