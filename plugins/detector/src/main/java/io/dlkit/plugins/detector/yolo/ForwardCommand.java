package io.dlkit.plugins.detector.yolo;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npy;
import io.dlkit.backend.runtime.GraphContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit detect forward MODEL IMG [--out FILE.npy] [--repeat N]}: a YOLO model folder's raw
 * output {@code [1, S, S, B, 5 + C]} on one image (stretched to the input, RGB / 255), saved as
 * {@code .npy} for comparison with other implementations (OpenCV's DNN module in {@code
 * tests/bench/opencv_yolo.sh}), and with {@code --repeat} the batch-1 speed after one warm-up run.
 */
@Command(
        name = "forward",
        mixinStandardHelpOptions = true,
        description = "Run a YOLO model folder on one image: raw output as .npy, batch-1 speed.")
public final class ForwardCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A YOLO model folder.")
    Path model;

    @Parameters(index = "1", paramLabel = "IMG", description = "The image.")
    Path image;

    @Option(names = "--out", paramLabel = "FILE", description = "Where the raw output goes (.npy).")
    Path out;

    @Option(
            names = "--repeat",
            defaultValue = "0",
            description = "Time this many runs (default 0).")
    int repeat;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public ForwardCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Path root = ctx.settings().workDir();
        Path dir = root.resolve(model);
        if (!YoloModelDir.isYoloDir(dir)) {
            throw DlkitException.invalidInput(model + ": not a YOLO model folder");
        }
        if (out != null) ctx.writer().checkWritable(root.resolve(out));
        Image rgb = Images.convert(Images.read(root.resolve(image)), 3);
        try (GraphContext g = ctx.openGraph()) {
            YoloRunner r = YoloRunner.open(g, dir);
            int size = r.model().inputSize();
            float[] x = YoloDetector.input(rgb, size);
            float[] y = r.run(x, 1);
            if (out != null) {
                int s = r.model().grid();
                NdArray a =
                        NdArray.of(y, 1, s, s, r.model().anchorCount(), 5 + r.model().classes());
                ctx.writer().write(root.resolve(out), o -> Npy.write(o, a));
            }
            if (repeat > 0) {
                long t0 = System.nanoTime();
                long cpu0 = cpu();
                for (int i = 0; i < repeat; i++) r.run(x, 1);
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (cpu() - cpu0) / 1e9;
                ctx.out()
                        .printf(
                                Locale.ROOT,
                                "dlkit %dx%d batch 1: %.2f images/s (%d runs, %.2f s wall, %.2f s CPU)%n",
                                size,
                                size,
                                repeat / wall,
                                repeat,
                                wall,
                                cpu);
            }
        }
        ctx.out().flush();
        return 0;
    }

    private static long cpu() {
        var bean = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }
}
