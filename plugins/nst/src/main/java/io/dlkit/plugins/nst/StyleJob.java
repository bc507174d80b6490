package io.dlkit.plugins.nst;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.Optimizers;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.runtime.GraphContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a style transfer request: sizes the images, refuses a size that will not fit in memory, runs
 * the {@link MultiScale} optimisation with the optimizers plugin's Adam on the loss network, and
 * (for the command) writes the result, the intermediate images and the costs plot ({@code
 * NAME-costs.png} beside the result). The command and the pipeline step share {@link #paint}.
 */
final class StyleJob {
    /** What one transfer produced: the result (the content's colours kept if asked) and the run. */
    record Painted(Image image, MultiScale.Outcome outcome) {}

    private final Supplier<GraphContext> graphs;
    private final Consumer<String> log;
    private final ModelStore store;
    private final PretrainedModels models;
    private final Optimizers optimizers;

    /**
     * @param graphs opens a graph with the user's device, threads and seed
     * @param log receives progress lines
     */
    StyleJob(
            Supplier<GraphContext> graphs,
            Consumer<String> log,
            ModelStore store,
            PretrainedModels models,
            Optimizers optimizers) {
        this.graphs = graphs;
        this.log = log;
        this.store = store;
        this.models = models;
        this.optimizers = optimizers;
    }

    /** The command: reads the files, paints, writes the result and the costs plot. */
    Map<String, Object> run(StyleRequest r) {
        Image contentImage = read(r.content(), "content");
        List<Image> styleImages = new ArrayList<>();
        for (Path s : r.styles()) styleImages.add(read(s, "style"));
        Painted p =
                paint(
                        r,
                        contentImage,
                        styleImages,
                        (suffix, px, size, content) ->
                                write(sibling(r.out(), suffix), image(px, size, r, content)));
        write(r.out(), p.image());
        Path plot = sibling(r.out(), "-costs");
        try {
            CostPlot.write(plot, p.outcome().history());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("output", r.out().toString());
        out.put("costs_plot", plot.toString());
        out.putAll(summary(r, p));
        return out;
    }

    /** Paints {@code content} in the style of {@code styles} as {@code r} asks. */
    Painted paint(
            StyleRequest r, Image content, List<Image> styles, MultiScale.Saver intermediate) {
        int[] hw = fitted(content, r.size());
        MemoryCheck.checkImages(hw[0], hw[1], styles.size(), r.size());
        MultiScale.Outcome o =
                new MultiScale(
                                graphs,
                                log,
                                (g, h, w) -> network(g, r.model(), h, w),
                                r,
                                optimizers.create("adam", Map.of()),
                                intermediate)
                        .run(content, styles, hw);
        return new Painted(image(o.pixels(), hw, r, o.content()), o);
    }

    /** The run's figures: size, scales, time, costs (first and last), memory. */
    static Map<String, Object> summary(StyleRequest r, Painted p) {
        MultiScale.Outcome o = p.outcome();
        StyleSettings s = r.settings();
        StyleTransfer.Costs first = o.history().get(0);
        StyleTransfer.Costs last = o.history().get(o.history().size() - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("size", p.image().width() + "x" + p.image().height());
        out.put("loss_network", r.model());
        out.put("iterations", s.iterations());
        out.put("scales", o.scales());
        out.put("seconds", round(o.seconds()));
        // the optimiser's steps only, every tile's counted: what a benchmark compares
        long steps = Math.max(1, o.loop().steps());
        out.put("seconds_per_iteration", round(o.loop().seconds() / steps));
        out.put("cpu_seconds_per_iteration", round(o.loop().cpuSeconds() / steps));
        out.put("content_cost", List.of(first.content(), last.content()));
        out.put("style_cost", List.of(first.style(), last.style()));
        out.put("total_cost", List.of(first.total(), last.total()));
        out.put("content_image_style_cost", o.contentImageStyleCost());
        out.put("memory_estimate_mib", o.memoryEstimate() / (1024 * 1024));
        MemoryCheck.peakMib().ifPresent(m -> out.put("peak_memory_mib", m));
        return out;
    }

    private LossNetwork network(GraphContext g, String model, int height, int width) {
        Path dir = Path.of(model);
        if (Files.isDirectory(dir)) return DirNetworks.load(store, g, dir, height, width);
        return StoreNetworks.load(models, g, model, height, width);
    }

    private static Image image(float[] x, int[] hw, StyleRequest r, float[] content) {
        float[] px = r.preserveColors() ? ColorTransfer.preserveColors(x, content) : x;
        float[] unit = new float[px.length];
        for (int i = 0; i < px.length; i++) unit[i] = px[i] / PixelUpdate.MAX_PIXEL;
        return new Image(unit, hw[0], hw[1], 3);
    }

    private static void write(Path file, Image image) {
        try {
            Images.write(file, image);
        } catch (DataFormatException e) {
            throw DlkitException.invalidInput(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sibling(Path out, String suffix) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        return out.resolveSibling(stem + suffix + ".png");
    }

    /** The content's size scaled so that its longer side is {@code size}. */
    static int[] fitted(Image image, int size) {
        double scale = (double) size / Math.max(image.height(), image.width());
        return new int[] {
            Math.max(1, (int) Math.round(image.height() * scale)),
            Math.max(1, (int) Math.round(image.width() * scale))
        };
    }

    private static Image read(Path file, String role) {
        try {
            return Images.read(file, 3);
        } catch (DataFormatException e) {
            throw DlkitException.invalidInput(role + " image " + e.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            throw DlkitException.invalidInput(role + " image " + file + ": no such file");
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    role + " image " + file + ": cannot read: " + e.getMessage());
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
