package io.dlkit.plugins.nst;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Runs the optimisation of the notes: the generated image's pixels ([0, 255], HWC) start from
 * {@code init} and follow an optimizer (Adam) on {@code J}; the targets are computed once from the
 * content image and the style images (blended Gram matrices).
 */
final class StyleTransfer implements AutoCloseable {
    /** The costs after one iteration. */
    record Costs(int iteration, float total, float content, float style) {}

    /** Called after each iteration with the costs and the current pixels. */
    interface Listener {
        void after(Costs costs, float[] pixels);
    }

    private final GraphContext g;
    private final StyleGraph graph;
    private final int height;
    private final int width;
    private TFloat32 contentTarget;
    private final List<TFloat32> gramTargets = new ArrayList<>();

    private final PixelUpdate update;

    /**
     * An optimiser of {@code height x width} images; give it targets before optimising.
     *
     * @param optimizer the update rule on the pixels (the optimizers plugin's {@code adam}), or
     *     null to only evaluate costs
     */
    StyleTransfer(GraphContext g, StyleGraph graph, int height, int width, Optimizer optimizer) {
        this.g = g;
        this.graph = graph;
        this.height = height;
        this.width = width;
        // built before the session first runs
        this.update =
                optimizer == null
                        ? null
                        : new PixelUpdate(g, optimizer, graph.net.pixels(), graph.gradient);
    }

    /**
     * @param content the content image's pixels, {@code height x width x 3} in [0, 255]
     * @param styles the style images at the same size
     * @param blend one weight per style image (summing to 1)
     */
    StyleTransfer(
            GraphContext g,
            StyleGraph graph,
            float[] content,
            List<float[]> styles,
            float[] blend,
            int height,
            int width,
            Optimizer optimizer) {
        this(g, graph, height, width, optimizer);
        float[][] grams = new float[graph.styleGrams.size()][];
        for (int k = 0; k < styles.size(); k++) add(grams, grams(styles.get(k)), blend[k]);
        targets(content, grams);
    }

    /** {@code sum += weight * grams}, layer by layer ({@code sum}'s null layers start at 0). */
    static void add(float[][] sum, float[][] grams, float weight) {
        for (int l = 0; l < sum.length; l++) {
            if (sum[l] == null) sum[l] = new float[grams[l].length];
            for (int i = 0; i < sum[l].length; i++) sum[l][i] += weight * grams[l][i];
        }
    }

    /** The style layers' Gram matrices of an image of this optimiser's size. */
    float[][] grams(float[] image) {
        float[][] out = new float[graph.styleGrams.size()][];
        try (TFloat32 s = pixels(image)) {
            List<TFloat32> got = fetchAll(s, graph.styleGrams);
            for (int l = 0; l < out.length; l++) {
                try (TFloat32 t = got.get(l)) {
                    out[l] = new float[(int) t.size()];
                    t.asRawTensor().data().asFloats().read(out[l]);
                }
            }
        }
        return out;
    }

    /** Sets the content target from the content pixels and the style targets (Gram matrices). */
    void targets(float[] content, float[][] grams) {
        closeTargets();
        try (TFloat32 c = pixels(content)) {
            contentTarget = fetch(c, graph.contentActivation).get(0);
        }
        for (float[] gram : grams) {
            long n = (long) Math.sqrt(gram.length);
            gramTargets.add(TFloat32.tensorOf(Shape.of(n, n), DataBuffers.of(gram, true, false)));
        }
    }

    /** The first pixels of the generated image, as the notes initialise them. */
    static float[] initial(String init, float[] content, long seed) {
        Random r = new Random(seed);
        float[] x = new float[content.length];
        for (int i = 0; i < x.length; i++) {
            x[i] =
                    switch (init) {
                        case "content" -> content[i];
                        case "random" -> r.nextFloat() * PixelUpdate.MAX_PIXEL;
                        // noise = uniform(-20, 20); G = 0.6 noise + 0.4 C, clipped to the range
                        default -> 0.6f * (r.nextFloat() * 40f - 20f) + 0.4f * content[i];
                    };
            x[i] = Math.min(PixelUpdate.MAX_PIXEL, Math.max(0, x[i]));
        }
        return x;
    }

    /**
     * Runs {@code iterations} steps of the optimizer on {@code x} in place, from a fresh optimizer
     * state (step 0, zero moments).
     */
    void optimise(float[] x, int iterations, float lr, Listener listener) {
        if (update == null) throw new IllegalStateException("built without an optimizer");
        try (TFloat32 start = pixels(x)) {
            Session.Runner reset = g.session().runner().feed(update.start(), start);
            update.reset().forEach(reset::addTarget);
            reset.run();
        }
        try (TFloat32 rate = TFloat32.scalarOf(lr)) {
            for (int it = 1; it <= iterations; it++) {
                Costs before = step(x, rate);
                listener.after(new Costs(it, before.total(), before.content(), before.style()), x);
            }
        }
    }

    /** One update: the costs of {@code x}, then {@code x} replaced by the updated pixels. */
    private Costs step(float[] x, TFloat32 rate) {
        try (TFloat32 in = pixels(x)) {
            Session.Runner r = feedTargets(g.session().runner().feed(graph.net.pixels(), in));
            r.feed(update.learningRate(), rate);
            r.fetch(graph.total).fetch(graph.contentCost).fetch(graph.styleCost);
            r.fetch(update.next());
            try (Result out = r.run()) {
                ((TFloat32) out.get(3)).asRawTensor().data().asFloats().read(x);
                return new Costs(0, scalar(out.get(0)), scalar(out.get(1)), scalar(out.get(2)));
            }
        }
    }

    /** The costs of {@code x}; when {@code gradient} is not null it receives {@code dJ/dx}. */
    Costs evaluate(float[] x, float[] gradient) {
        try (TFloat32 in = pixels(x)) {
            Session.Runner r = feedTargets(g.session().runner().feed(graph.net.pixels(), in));
            r.fetch(graph.total).fetch(graph.contentCost).fetch(graph.styleCost);
            if (gradient != null) r.fetch(graph.gradient);
            try (Result out = r.run()) {
                if (gradient != null) {
                    ((TFloat32) out.get(3)).asRawTensor().data().asFloats().read(gradient);
                }
                return new Costs(0, scalar(out.get(0)), scalar(out.get(1)), scalar(out.get(2)));
            }
        }
    }

    private Session.Runner feedTargets(Session.Runner r) {
        r.feed(graph.contentTarget, contentTarget);
        for (int l = 0; l < gramTargets.size(); l++) {
            r.feed(graph.gramTargets.get(l), gramTargets.get(l));
        }
        return r;
    }

    private TFloat32 pixels(float[] x) {
        return TFloat32.tensorOf(Shape.of(1, height, width, 3), DataBuffers.of(x, true, false));
    }

    private List<TFloat32> fetch(TFloat32 in, org.tensorflow.Operand<TFloat32> op) {
        return fetchAll(in, List.of(op));
    }

    private List<TFloat32> fetchAll(TFloat32 in, List<org.tensorflow.Operand<TFloat32>> ops) {
        Session.Runner r = g.session().runner().feed(graph.net.pixels(), in);
        ops.forEach(r::fetch);
        Result out = r.run();
        List<TFloat32> got = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) got.add((TFloat32) out.get(i));
        return got; // the caller closes each tensor; the Result itself owns nothing more
    }

    private static float scalar(Tensor t) {
        return ((TFloat32) t).getFloat();
    }

    private void closeTargets() {
        if (contentTarget != null) contentTarget.close();
        contentTarget = null;
        gramTargets.forEach(TFloat32::close);
        gramTargets.clear();
    }

    @Override
    public void close() {
        closeTargets();
    }
}
