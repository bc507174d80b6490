package io.dlkit.plugins.nst;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.runtime.GraphContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a style transfer request end to end: reads and sizes the images, builds the loss network and
 * the costs, refuses a size its memory estimate says will not fit, optimises, and writes the
 * result, the intermediate images and the costs plot ({@code NAME-costs.png} beside the result).
 */
final class StyleJob {
    private final CommandContext ctx;
    private final ModelStore store;
    private final PretrainedModels models;

    StyleJob(CommandContext ctx, ModelStore store, PretrainedModels models) {
        this.ctx = ctx;
        this.store = store;
        this.models = models;
    }

    Map<String, Object> run(StyleRequest r) {
        Image contentImage = read(r.content(), "content");
        int[] hw = fitted(contentImage, r.size());
        List<Image> styleImages = new ArrayList<>();
        for (Path s : r.styles()) styleImages.add(read(s, "style"));
        float[] content;
        List<float[]> styles = new ArrayList<>();
        StyleSettings s = r.settings();
        List<StyleTransfer.Costs> history = new ArrayList<>();
        long[] loop = new long[2];
        long estimate;
        float[] x;
        StyleTransfer.Costs contentImageCosts;
        try (GraphContext g = ctx.openGraph()) {
            LossNetwork net = network(g, r.model(), hw[0], hw[1]);
            StyleGraph graph = new StyleGraph(g, net, s);
            // before any image of the run's size is allocated
            MemoryCheck.check(net, hw[0], hw[1], r.size());
            estimate = MemoryCheck.estimate(net);
            content = pixels(Images.resize(contentImage, hw[0], hw[1]));
            for (Image si : styleImages) styles.add(pixels(Images.resize(si, hw[0], hw[1])));
            try (StyleTransfer t =
                    new StyleTransfer(g, graph, content, styles, r.blend(), hw[0], hw[1])) {
                contentImageCosts = t.evaluate(content, null);
                x = StyleTransfer.initial(s.init(), content, s.seed());
                Progress progress = new Progress(ctx.err(), s.iterations());
                loop[0] = System.nanoTime();
                t.optimise(
                        x,
                        s.iterations(),
                        s.lr(),
                        (c, px) -> {
                            history.add(c);
                            progress.update(c);
                            if (r.saveEvery() > 0 && c.iteration() % r.saveEvery() == 0) {
                                write(
                                        sibling(r.out(), String.format("-%04d", c.iteration())),
                                        px,
                                        hw,
                                        r,
                                        content);
                            }
                        });
                loop[1] = System.nanoTime();
                history.add(t.evaluate(x, null));
            }
        }
        double seconds = (loop[1] - loop[0]) / 1e9;
        write(r.out(), x, hw, r, content);
        Path plot = sibling(r.out(), "-costs");
        try {
            CostPlot.write(plot, history);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StyleTransfer.Costs first = history.get(0);
        StyleTransfer.Costs last = history.get(history.size() - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("output", r.out().toString());
        out.put("costs_plot", plot.toString());
        out.put("size", hw[1] + "x" + hw[0]);
        out.put("loss_network", r.model());
        out.put("iterations", s.iterations());
        out.put("seconds_per_iteration", round(seconds / Math.max(1, s.iterations())));
        out.put("content_cost", List.of(first.content(), last.content()));
        out.put("style_cost", List.of(first.style(), last.style()));
        out.put("total_cost", List.of(first.total(), last.total()));
        out.put("content_image_style_cost", contentImageCosts.style());
        out.put("memory_estimate_mib", estimate / (1024 * 1024));
        MemoryCheck.peakMib().ifPresent(p -> out.put("peak_memory_mib", p));
        return out;
    }

    private LossNetwork network(GraphContext g, String model, int height, int width) {
        Path dir = Path.of(model);
        if (Files.isDirectory(dir)) return DirNetworks.load(store, g, dir, height, width);
        return StoreNetworks.load(models, g, model, height, width);
    }

    private void write(Path file, float[] x, int[] hw, StyleRequest r, float[] content) {
        float[] px = r.preserveColors() ? ColorTransfer.preserveColors(x, content) : x;
        float[] unit = new float[px.length];
        for (int i = 0; i < px.length; i++) unit[i] = px[i] / PixelAdam.MAX_PIXEL;
        try {
            Images.write(file, new Image(unit, hw[0], hw[1], 3));
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

    private static float[] pixels(Image image) {
        float[] d = image.data().clone();
        for (int i = 0; i < d.length; i++) d[i] *= PixelAdam.MAX_PIXEL;
        return d;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** One progress line per step of a twentieth of the run, on stderr. */
    private static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final int every;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
            this.every = Math.max(1, total / 20);
        }

        void update(StyleTransfer.Costs c) {
            if (c.iteration() % every != 0 && c.iteration() != total) return;
            int filled = 30 * c.iteration() / total;
            err.println(
                    String.format(
                            Locale.ROOT,
                            "[%s%s] %d/%d  total %.4g  content %.4g  style %.4g",
                            "#".repeat(filled),
                            ".".repeat(30 - filled),
                            c.iteration(),
                            total,
                            c.total(),
                            c.content(),
                            c.style()));
            err.flush();
        }
    }
}
