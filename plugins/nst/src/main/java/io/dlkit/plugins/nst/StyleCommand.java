package io.dlkit.plugins.nst;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.api.extension.Optimizers;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.model.PretrainedModels;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dlkit style --content C --style S[,S2] --out G.png}: neural style transfer as the notes
 * describe it (Gatys et al.): the generated image's pixels minimise {@code alpha J_content + beta
 * J_style} on a pretrained CNN, with the optimizers plugin's Adam. Flag names follow jcjohnson's
 * neural-style.
 */
@Extension
@Command(
        name = "style",
        mixinStandardHelpOptions = true,
        description = {
            "Neural style transfer: paint a content image in the style of one or more style images.",
            "e.g. dlkit style --content cat.png --style starry_night.jpg --out cat-starry.png"
        })
public final class StyleCommand implements CommandProvider, Callable<Integer> {
    @Option(
            names = "--content",
            required = true,
            paramLabel = "IMAGE",
            description = "The content image.")
    Path content;

    @Option(
            names = "--style",
            required = true,
            split = ",",
            paramLabel = "IMAGE",
            description = "Style image(s), comma-separated.")
    List<Path> styles = new ArrayList<>();

    @Option(
            names = "--style-blend",
            split = ",",
            paramLabel = "W",
            description = "One weight per style image (normalised to sum to 1; default equal).")
    List<Float> blend = new ArrayList<>();

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The result (.png or .jpg).")
    Path out;

    @Option(
            names = "--size",
            defaultValue = "512",
            description = "Longer side of the result in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(
            names = "--iterations",
            defaultValue = "200",
            description =
                    "Adam steps (default: ${DEFAULT-VALUE}); with --size over --tile, at the"
                            + " smallest scale.")
    int iterations;

    @Option(
            names = "--content-weight",
            defaultValue = "10",
            description = "alpha (default: ${DEFAULT-VALUE}).")
    float contentWeight;

    @Option(
            names = "--style-weight",
            defaultValue = "200",
            description =
                    "beta (default: ${DEFAULT-VALUE}, chosen on mobilenet_v2 by looking at the results; the notes' 40 suits VGG).")
    float styleWeight;

    @Option(
            names = "--tv-weight",
            defaultValue = "0",
            description = "Total-variation weight (default: ${DEFAULT-VALUE}, off).")
    float tvWeight;

    @Option(
            names = "--content-layer",
            paramLabel = "LAYER",
            description = "Content layer (default: the network's).")
    String contentLayer;

    @Option(
            names = "--style-layers",
            split = ",",
            paramLabel = "LAYER",
            description = "Style layers, equally weighted (default: the network's).")
    List<String> styleLayers = new ArrayList<>();

    @Option(
            names = "--init",
            defaultValue = "noise",
            description = "noise, content or random (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(
            names = "--lr",
            defaultValue = "5",
            description = "Adam's learning rate in pixel levels (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(
            names = "--save-every",
            defaultValue = "0",
            paramLabel = "N",
            description = "Write NAME-NNNN.png every N iterations.")
    int saveEvery;

    @Option(
            names = "--tile",
            defaultValue = "512",
            paramLabel = "PX",
            description =
                    "Longest side the loss network sees at once (default: ${DEFAULT-VALUE}). A"
                            + " larger --size is optimised at half size (repeatedly), upsampled and"
                            + " refined tile by tile with half the iterations per doubling, so"
                            + " memory stays bounded.")
    int tile;

    @Option(names = "--preview", description = "A quick look: --size 192 and 40 iterations.")
    boolean preview;

    @Option(
            names = "--preserve-colors",
            description = "Keep the content's colours (luminance-only transfer).")
    boolean preserveColors;

    @Option(
            names = "--model",
            defaultValue = "mobilenet_v2",
            paramLabel = "NAME|DIR",
            description =
                    "Loss network: mobilenet_v2, inception_v3 or a model directory such as an imported VGG-19 (default: ${DEFAULT-VALUE}).")
    String model;

    private final CommandContext ctx;
    private final ModelStore store;
    private final PretrainedModels models;
    private final Optimizers optimizers;

    /**
     * dlkit injects the command context, the model store, the pretrained models and the optimizers.
     */
    @Inject
    public StyleCommand(
            CommandContext ctx, ModelStore store, PretrainedModels models, Optimizers optimizers) {
        this.ctx = ctx;
        this.optimizers = optimizers;
        this.store = store;
        this.models = models;
    }

    @Override
    public Object command() {
        return this;
    }

    @Override
    public Integer call() {
        StyleRequest r = request();
        Map<String, Object> result =
                new StyleJob(
                                ctx::openGraph,
                                line -> {
                                    ctx.err().println(line);
                                    ctx.err().flush();
                                },
                                store,
                                models,
                                optimizers)
                        .run(r);
        result.forEach((k, v) -> ctx.out().println(k + ": " + v));
        ctx.out().flush();
        return 0;
    }

    StyleRequest request() {
        int n = preview ? 40 : iterations;
        int s = preview ? 192 : size;
        StyleRequest.check("--", n, s, init, lr, tile);
        StyleSettings settings =
                new StyleSettings(
                        n,
                        contentWeight,
                        styleWeight,
                        tvWeight,
                        contentLayer,
                        styleLayers,
                        init,
                        lr,
                        ctx.settings().seed()); // dlkit's global --seed seeds the initial noise
        return new StyleRequest(
                content, styles, blend(), out, s, model, preserveColors, saveEvery, tile, settings);
    }

    private float[] blend() {
        if (blend.isEmpty()) {
            float[] w = new float[styles.size()];
            java.util.Arrays.fill(w, 1f / styles.size());
            return w;
        }
        if (blend.size() != styles.size()) {
            throw DlkitException.invalidInput(
                    "--style-blend has "
                            + blend.size()
                            + " weights for "
                            + styles.size()
                            + " style images; give one per image");
        }
        float sum = 0;
        for (float b : blend) {
            if (!(b >= 0))
                throw DlkitException.invalidInput("--style-blend weights must be >= 0, got " + b);
            sum += b;
        }
        if (!(sum > 0))
            throw DlkitException.invalidInput(
                    "--style-blend weights sum to 0; give at least one positive weight");
        float[] w = new float[blend.size()];
        for (int i = 0; i < w.length; i++) w[i] = blend.get(i) / sum;
        return w;
    }
}
