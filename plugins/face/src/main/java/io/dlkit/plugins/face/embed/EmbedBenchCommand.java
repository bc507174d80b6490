package io.dlkit.plugins.face.embed;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.command.FaceOptions;
import io.dlkit.plugins.face.command.FaceOutput;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit face bench IMG... [--warmup 1] [--iters 5]}: faces embedded per second, what {@code
 * face embed} does per image (detection, 68 landmarks, alignment, descriptor) timed over the
 * decoded images, after warm-up passes; also the process CPU seconds of the timed passes (on a
 * shared machine, wall time alone misleads). The peer is face-api in node ({@code
 * tests/bench/face_compare.sh}).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Faces embedded per second (detect + landmarks + align + descriptor).",
            "e.g. dlkit --threads 2 face bench photos/ --iters 5"
        })
public final class EmbedBenchCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images or folders.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed passes (1).")
    int warmup;

    @Option(names = "--iters", defaultValue = "5", description = "Timed passes (5).")
    int iters;

    @Mixin FaceOptions options;

    private final CommandContext ctx;
    private final PretrainedModels store;

    /** dlkit injects the command context and the model store. */
    @Inject
    public EmbedBenchCommand(CommandContext ctx, PretrainedModels store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        if (warmup < 0 || iters < 1) {
            throw DlkitException.invalidInput("--warmup must be >= 0 and --iters >= 1");
        }
        List<FaceImage> decoded = new ArrayList<>();
        for (Path f : FaceOptions.imageFiles(images)) decoded.add(FaceOptions.read(f));
        double min = options.minConfidence();
        int faces = 0;
        long wall;
        long cpu;
        try (FaceAnalyzer analyzer = options.open(ctx, store)) {
            for (int i = 0; i < warmup; i++) pass(analyzer, decoded, min);
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < iters; i++) faces += pass(analyzer, decoded, min);
            wall = System.nanoTime() - t0;
            cpu = cpuNanos() - cpu0;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", decoded.size() * iters);
        m.put("faces", faces);
        m.put("seconds", wall / 1e9);
        m.put("cpu_seconds", cpu / 1e9);
        m.put("faces_per_s", faces / (wall / 1e9));
        m.put("ms_per_face", wall / 1e6 / Math.max(1, faces));
        if (ctx.settings().json()) {
            FaceOutput.printJson(ctx, m);
        } else {
            m.forEach((k, v) -> ctx.out().println(k + ": " + v));
            ctx.out().flush();
        }
        return 0;
    }

    private static int pass(FaceAnalyzer analyzer, List<FaceImage> images, double min) {
        int n = 0;
        for (FaceImage img : images) n += analyzer.analyze(img, min).size();
        return n;
    }

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }
}
