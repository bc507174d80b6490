package io.dlkit.plugins.nst;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a request's {@link ScaleSchedule}: the smallest scale is optimised whole from the notes'
 * initialisation; each larger scale starts from the previous result upsampled and is refined tile
 * by tile ({@link Tiles}), each tile with the content target of its own crop and the style targets
 * averaged over the style image's tiles, so the loss network never sees more than a tile.
 */
final class MultiScale {
    /** Builds the loss network in a graph for images of the given size. */
    interface Networks {
        LossNetwork open(GraphContext g, int height, int width);
    }

    /** Writes an intermediate image ({@code x} at {@code hw}, {@code content} at the same size). */
    interface Saver {
        void save(String suffix, float[] x, int[] hw, float[] content);
    }

    /** What the run produced. */
    record Outcome(
            float[] pixels,
            float[] content,
            List<StyleTransfer.Costs> history,
            float contentImageStyleCost,
            long memoryEstimate,
            double seconds,
            List<String> scales,
            Loop loop) {}

    /**
     * Time spent in the optimisers' steps only (no graph building, no targets): wall and process
     * CPU seconds (all threads, TensorFlow's included) over {@code steps} steps, tiles counted.
     */
    record Loop(double seconds, double cpuSeconds, long steps) {}

    private final Supplier<GraphContext> graphs;
    private final Consumer<String> log;
    private final Networks networks;
    private final StyleRequest r;
    private final Saver saver;
    private final Optimizer optimizer;
    private final List<StyleTransfer.Costs> history = new ArrayList<>();
    private final List<String> scales = new ArrayList<>();
    private float contentImageStyleCost;
    private long estimate;
    private double seconds;
    private long loopNanos;
    private long loopCpuNanos;
    private long loopSteps;

    /**
     * @param graphs opens a graph per scale (the command's or the pipeline step's)
     * @param log receives the progress and per-scale lines
     * @param optimizer the update rule on the pixels (the optimizers plugin's {@code adam})
     */
    MultiScale(
            Supplier<GraphContext> graphs,
            Consumer<String> log,
            Networks networks,
            StyleRequest r,
            Optimizer optimizer,
            Saver saver) {
        this.graphs = graphs;
        this.log = log;
        this.optimizer = optimizer;
        this.networks = networks;
        this.r = r;
        this.saver = saver;
    }

    Outcome run(Image contentImage, List<Image> styleImages, int[] hw) {
        StyleSettings s = r.settings();
        float[] x = null;
        float[] content = null;
        int[] previous = null;
        for (ScaleSchedule.Scale sc : ScaleSchedule.plan(hw[0], hw[1], r.tile(), s.iterations())) {
            int[] size = {sc.height(), sc.width()};
            content = pixels(Images.resize(contentImage, size[0], size[1]));
            List<float[]> styles = new ArrayList<>();
            for (Image si : styleImages) styles.add(pixels(Images.resize(si, size[0], size[1])));
            x =
                    x == null
                            ? StyleTransfer.initial(s.init(), content, s.seed())
                            : up(x, previous, size);
            long start = System.nanoTime();
            if (sc.tiled()) refineInTiles(sc, x, content, styles);
            else optimiseWhole(sc, x, content, styles);
            seconds += (System.nanoTime() - start) / 1e9;
            report(sc, (System.nanoTime() - start) / 1e9);
            if (sc.tiled() && r.saveEvery() > 0) {
                saver.save(String.format("-%dx%d", size[1], size[0]), x, size, content);
            }
            previous = size;
        }
        return new Outcome(
                x,
                content,
                history,
                contentImageStyleCost,
                estimate,
                seconds,
                List.copyOf(scales),
                new Loop(loopNanos / 1e9, loopCpuNanos / 1e9, loopSteps));
    }

    private void optimiseWhole(
            ScaleSchedule.Scale sc, float[] x, float[] content, List<float[]> styles) {
        int[] size = {sc.height(), sc.width()};
        try (GraphContext g = graphs.get()) {
            StyleGraph graph = graph(g, size[0], size[1]);
            try (StyleTransfer t =
                    new StyleTransfer(
                            g, graph, content, styles, r.blend(), size[0], size[1], optimizer)) {
                contentImageStyleCost = t.evaluate(content, null).style();
                Progress progress = new Progress(log, label(sc), sc.iterations());
                timed(
                        sc.iterations(),
                        () ->
                                t.optimise(
                                        x,
                                        sc.iterations(),
                                        r.settings().lr(),
                                        (c, px) -> {
                                            history.add(c);
                                            progress.update(c.iteration(), c);
                                            if (r.saveEvery() > 0
                                                    && c.iteration() % r.saveEvery() == 0) {
                                                saver.save(
                                                        String.format("-%04d", c.iteration()),
                                                        px,
                                                        size,
                                                        content);
                                            }
                                        }));
                history.add(t.evaluate(x, null));
            }
        }
    }

    private void refineInTiles(
            ScaleSchedule.Scale sc, float[] x, float[] content, List<float[]> styles) {
        int h = sc.height();
        int w = sc.width();
        int overlap = r.tile() / 8;
        List<Tiles.Tile> tiles = Tiles.grid(h, w, r.tile(), overlap);
        Tiles.Tile first = tiles.get(0);
        try (GraphContext g = graphs.get()) {
            StyleGraph graph = graph(g, first.height(), first.width());
            try (StyleTransfer t =
                    new StyleTransfer(g, graph, first.height(), first.width(), optimizer)) {
                float[][] grams = new float[graph.styleGrams.size()][];
                for (int k = 0; k < styles.size(); k++) {
                    for (Tiles.Tile tile : tiles) {
                        float[][] one = t.grams(Tiles.crop(styles.get(k), w, tile));
                        StyleTransfer.add(grams, one, r.blend()[k] / tiles.size());
                    }
                }
                float[][] mean = new float[sc.iterations()][3];
                int total = sc.iterations() * tiles.size();
                Progress progress = new Progress(log, label(sc), total);
                int done = 0;
                for (Tiles.Tile tile : tiles) {
                    t.targets(Tiles.crop(content, w, tile), grams);
                    float[] px = Tiles.crop(x, w, tile);
                    int offset = done;
                    timed(
                            sc.iterations(),
                            () ->
                                    t.optimise(
                                            px,
                                            sc.iterations(),
                                            r.settings().lr(),
                                            (c, p) -> {
                                                float[] m = mean[c.iteration() - 1];
                                                m[0] += c.total() / tiles.size();
                                                m[1] += c.content() / tiles.size();
                                                m[2] += c.style() / tiles.size();
                                                progress.update(offset + c.iteration(), c);
                                            }));
                    Tiles.blend(x, h, w, tile, px, overlap);
                    done += sc.iterations();
                }
                for (int i = 0; i < mean.length; i++) {
                    history.add(new StyleTransfer.Costs(i + 1, mean[i][0], mean[i][1], mean[i][2]));
                }
            }
        }
    }

    private void timed(int steps, Runnable loop) {
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        loop.run();
        loopNanos += System.nanoTime() - start;
        loopCpuNanos += processCpuNanos() - cpu;
        loopSteps += steps;
    }

    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private StyleGraph graph(GraphContext g, int height, int width) {
        LossNetwork net = networks.open(g, height, width);
        StyleGraph graph = new StyleGraph(g, net, r.settings());
        // before any image of this size is fed
        MemoryCheck.check(net, height, width, Math.max(height, width));
        estimate = Math.max(estimate, MemoryCheck.estimate(net));
        return graph;
    }

    private String label(ScaleSchedule.Scale sc) {
        return sc.width() + "x" + sc.height() + (sc.tiled() ? " tiles" : "");
    }

    private void report(ScaleSchedule.Scale sc, double secs) {
        String peak =
                MemoryCheck.peakMib().stream().mapToObj(p -> p + " MiB").findFirst().orElse("?");
        String line =
                String.format(
                        Locale.ROOT,
                        "%s: %d iterations%s in %.1f s, peak memory so far %s",
                        label(sc),
                        sc.iterations(),
                        sc.tiled() ? " per tile" : "",
                        secs,
                        peak);
        scales.add(line);
        log.accept("scale " + line);
    }

    /** {@code x} ({@code from}) resized bilinearly to {@code to}, pixels in [0, 255]. */
    static float[] up(float[] x, int[] from, int[] to) {
        float[] unit = new float[x.length];
        for (int i = 0; i < x.length; i++) unit[i] = x[i] / PixelUpdate.MAX_PIXEL;
        return pixels(Images.resize(new Image(unit, from[0], from[1], 3), to[0], to[1]));
    }

    static float[] pixels(Image image) {
        float[] d = image.data().clone();
        for (int i = 0; i < d.length; i++) d[i] *= PixelUpdate.MAX_PIXEL;
        return d;
    }
}
