package io.dlkit.plugins.nst;

import io.dlkit.api.extension.Optimizers;
import io.dlkit.api.extension.StepProvider;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Image;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Contributes the step {@code nst/style}: {@code dlkit style} on images from other steps, the same
 * code path ({@link StyleJob#paint}).
 *
 * <pre>
 * - id: painted
 *   uses: nst/style
 *   inputs: {content: ${photo.image}, style: ${painting.image}}
 *   with: {size: 384, iterations: 150}
 * </pre>
 *
 * Inputs: {@code content} and {@code style}, images. Parameters as the command's flags, snake_case:
 * {@code model} (mobilenet_v2, inception_v3 or a model directory), {@code size}, {@code
 * iterations}, {@code content_weight}, {@code style_weight}, {@code tv_weight}, {@code
 * content_layer}, {@code style_layers}, {@code init}, {@code lr}, {@code preserve_colors}, {@code
 * tile}; the run's seed seeds the initial noise. Outputs: {@code image}, the result, and {@code
 * costs}, the command's summary (costs first and last, scales, seconds, peak memory) as JSON.
 */
@Extension
public final class StyleStepProvider implements StepProvider {
    private final ModelStore store;
    private final PretrainedModels models;
    private final Optimizers optimizers;

    /** dlkit injects the model store, the pretrained models and the optimizers. */
    @Inject
    public StyleStepProvider(ModelStore store, PretrainedModels models, Optimizers optimizers) {
        this.store = store;
        this.models = models;
        this.optimizers = optimizers;
    }

    @Override
    public List<StepType> stepTypes() {
        return List.of(new StyleStep());
    }

    private final class StyleStep implements StepType {
        @Override
        public String name() {
            return "style";
        }

        @Override
        public String description() {
            return "Neural style transfer: the content image painted in the style image's style.";
        }

        @Override
        public List<ParamSpec> params() {
            StyleSettings d = StyleSettings.defaults();
            return List.of(
                    ParamSpec.optional(
                            "model",
                            ParamType.STRING,
                            "mobilenet_v2",
                            "loss network: mobilenet_v2, inception_v3 or a model directory"),
                    ParamSpec.optional("size", ParamType.INT, 512, "longer side of the result"),
                    ParamSpec.optional("iterations", ParamType.INT, d.iterations(), "Adam steps"),
                    ParamSpec.optional(
                            "content_weight", ParamType.FLOAT, (double) d.contentWeight(), "alpha"),
                    ParamSpec.optional(
                            "style_weight", ParamType.FLOAT, (double) d.styleWeight(), "beta"),
                    ParamSpec.optional(
                            "tv_weight", ParamType.FLOAT, 0.0, "total-variation weight (0: off)"),
                    ParamSpec.optional(
                            "content_layer", ParamType.STRING, null, "default: the network's"),
                    ParamSpec.optional(
                            "style_layers", ParamType.LIST, List.of(), "default: the network's"),
                    ParamSpec.optional(
                            "init", ParamType.STRING, d.init(), "noise, content or random"),
                    ParamSpec.optional(
                            "lr", ParamType.FLOAT, (double) d.lr(), "Adam's rate, pixel levels"),
                    ParamSpec.optional(
                            "preserve_colors", ParamType.BOOL, false, "keep the content's colours"),
                    ParamSpec.optional(
                            "tile",
                            ParamType.INT,
                            512,
                            "longest side the loss network sees at once (bigger: multi-scale)"));
        }

        @Override
        public List<Port> inputs() {
            return List.of(
                    Port.of("content", ArtifactType.IMAGE, "the content image"),
                    Port.of("style", ArtifactType.IMAGE, "the style image"));
        }

        @Override
        public List<Port> outputs() {
            return List.of(
                    Port.of("image", ArtifactType.IMAGE, "the result"),
                    Port.of("costs", ArtifactType.JSON, "costs, scales, time and peak memory"));
        }

        @Override
        public Map<String, Object> run(
                StepContext context, Params params, Map<String, Object> inputs) {
            StyleRequest r = request(params, context.settings().seed());
            StyleJob job =
                    new StyleJob(
                            context::openGraph,
                            line -> context.progress(0, 0, line),
                            store,
                            models,
                            optimizers);
            Image content = (Image) inputs.get("content");
            Image style = (Image) inputs.get("style");
            StyleJob.Painted p = job.paint(r, content, List.of(style), (a, b, c, d) -> {});
            return Map.of("image", p.image(), "costs", StyleJob.summary(r, p));
        }
    }

    static StyleRequest request(Params p, long seed) {
        int iterations = p.integer("iterations");
        int size = p.integer("size");
        String init = p.string("init");
        float lr = (float) p.number("lr");
        int tile = p.integer("tile");
        StyleRequest.check("", iterations, size, init, lr, tile);
        List<String> layers = p.list("style_layers").stream().map(String::valueOf).toList();
        StyleSettings s =
                new StyleSettings(
                        iterations,
                        (float) p.number("content_weight"),
                        (float) p.number("style_weight"),
                        (float) p.number("tv_weight"),
                        p.string("content_layer"),
                        layers,
                        init,
                        lr,
                        seed);
        return new StyleRequest(
                null,
                List.of(),
                new float[] {1f},
                null,
                size,
                p.string("model"),
                p.bool("preserve_colors"),
                0,
                tile,
                s);
    }
}
