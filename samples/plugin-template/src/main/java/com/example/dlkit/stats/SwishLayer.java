package com.example.dlkit.stats;

import io.dlkit.api.extension.LayerProvider;
import io.dlkit.backend.nn.AbstractLayer;
import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.ConfigReader.Range;
import io.dlkit.backend.nn.LayerType;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A layer type contributed by a third-party plugin: Swish (Ramachandran et al., 2017) with a
 * trainable slope,
 *
 * <pre>y = x * sigmoid(beta * x),   dy/dx = s + beta x s (1 - s),  dy/dbeta = x^2 s (1 - s)</pre>
 *
 * <p>where {@code s = sigmoid(beta x)}. {@code beta} is one scalar variable ({@code <name>_beta})
 * starting at the config's {@code beta} (default 1); {@code trainable: false} (which dlkit reads for
 * every layer type) keeps it there.
 * Once the plugin is installed any model file can use it ({@code {type: swish, beta: 1.5}}) and
 * every dlkit command handles it: summary, train, eval, predict, export, resume.
 */
public final class SwishLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "swish";

    private final double beta;
    private WeightVariable<TFloat32> betaVariable;
    private long elements;

    /**
     * @param name the name, or null to let the model name it
     * @param beta the initial slope, in (0, 100]
     */
    public SwishLayer(String name, double beta) {
        super(name);
        if (!(beta > 0 && beta <= 100)) {
            throw new IllegalArgumentException("beta must be in (0, 100], got " + beta);
        }
        this.beta = beta;
    }

    /** Reads {@code {type: swish, name: ..., beta: 1.0}}. */
    public static SwishLayer fromConfig(ConfigReader r) {
        r.checkKeys("a swish layer", List.of("type", "name", "beta"));
        return new SwishLayer(r.optName(), r.optDouble("beta", 1.0, Range.openClosed(0, 100)));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("beta", beta);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        betaVariable = addVariable(graph, "beta", graph.tf().constant((float) beta), true);
        elements = 1;
        for (long d : inputShape) elements *= d;
        return inputShape;
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        return tf.math.mul(input, tf.math.sigmoid(tf.math.mul(betaVariable.read(), input)));
    }

    /** Three per element: beta x, the sigmoid (counted as one), the product with x. */
    @Override
    public long flops() {
        return 3 * elements;
    }

    /** The extension dlkit discovers: contributes the {@code swish} layer type. */
    @Extension
    public static class Provider implements LayerProvider {
        /** Created by dlkit. */
        public Provider() {}

        @Override
        public List<LayerType> layerTypes() {
            return List.of(
                    new LayerType(TYPE, "x * sigmoid(beta x), beta trainable", SwishLayer::fromConfig));
        }
    }
}
