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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        MultiScale.Outcome o =
                new MultiScale(
                                ctx,
                                (g, h, w) -> network(g, r.model(), h, w),
                                r,
                                (suffix, px, size, content) ->
                                        write(sibling(r.out(), suffix), px, size, r, content))
                        .run(contentImage, styleImages, hw);
        write(r.out(), o.pixels(), hw, r, o.content());
        Path plot = sibling(r.out(), "-costs");
        try {
            CostPlot.write(plot, o.history());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summary(r, hw, o, plot);
    }

    private static Map<String, Object> summary(
            StyleRequest r, int[] hw, MultiScale.Outcome o, Path plot) {
        StyleSettings s = r.settings();
        StyleTransfer.Costs first = o.history().get(0);
        StyleTransfer.Costs last = o.history().get(o.history().size() - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("output", r.out().toString());
        out.put("costs_plot", plot.toString());
        out.put("size", hw[1] + "x" + hw[0]);
        out.put("loss_network", r.model());
        out.put("iterations", s.iterations());
        out.put("scales", o.scales());
        out.put("seconds", round(o.seconds()));
        out.put("seconds_per_iteration", round(o.seconds() / Math.max(1, s.iterations())));
        out.put("content_cost", List.of(first.content(), last.content()));
        out.put("style_cost", List.of(first.style(), last.style()));
        out.put("total_cost", List.of(first.total(), last.total()));
        out.put("content_image_style_cost", o.contentImageStyleCost());
        out.put("memory_estimate_mib", o.memoryEstimate() / (1024 * 1024));
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

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
