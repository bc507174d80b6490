package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Applies an {@link Activation} on its own (type {@code activation}): {@code out = g(in)}, no
 * variables. Useful after a standalone {@link BatchNormLayer}: {@code dense (linear, no bias) ->
 * batch_norm -> activation}. Config key: {@code activation} (required).
 */
public final class ActivationLayer extends AbstractLayer implements ActivatedLayer {
    /** The type name in model files. */
    public static final String TYPE = "activation";

    private final Activation activation;
    private Operand<TFloat32> preActivation;

    /** An activation layer named by the model. */
    public ActivationLayer(Activation activation) {
        this(null, activation);
    }

    /**
     * @param name the name, or null to let the model name it
     * @param activation the activation
     */
    public ActivationLayer(String name, Activation activation) {
        super(name);
        this.activation = requireNonNull(activation, "activation is null");
    }

    static ActivationLayer fromConfig(ConfigReader r) {
        r.checkKeys("an activation layer", List.of("type", "name", "activation"));
        if (!r.has("activation")) {
            throw r.error("activation", "required for an activation layer");
        }
        return new ActivationLayer(
                r.optName(), Activations.resolve(r.get("activation"), r.pathOf("activation")));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("activation", activation.config());
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        if (activation.name().equals("softmax")) {
            requireFlatInput(inputShape); // softmax is rank-2 only: [batch, classes]
        }
        return inputShape;
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        preActivation = input;
        return activation.apply(tf, input);
    }

    @Override
    public Operand<TFloat32> preActivation() {
        if (preActivation == null) {
            throw new IllegalStateException("layer '" + name() + "' has not been called yet");
        }
        return preActivation;
    }
}
