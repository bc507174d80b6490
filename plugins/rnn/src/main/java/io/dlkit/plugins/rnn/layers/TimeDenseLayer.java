package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.AbstractLayer;
import io.dlkit.backend.nn.ActivatedLayer;
import io.dlkit.backend.nn.Activation;
import io.dlkit.backend.nn.Activations;
import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.Initializers;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A dense layer applied to every time step with shared weights (type {@code time_dense}, Keras'
 * {@code TimeDistributed(Dense)}): {@code [T, features]} to {@code [T, units]}, {@code y<t> =
 * g(a<t> W_y + b_y)}, as the notes' per-step output. With {@code activation: linear} (the default)
 * its output is the logits the sequence softmax objective takes.
 *
 * <p>Config keys: {@code units} (>= 1), {@code activation} (default {@code linear}). Variables:
 * {@code <name>_kernel} {@code [features, units]} (xavier), {@code <name>_bias} (zeros).
 */
public final class TimeDenseLayer extends AbstractLayer implements ActivatedLayer {
    /** The type name in model files. */
    public static final String TYPE = "time_dense";

    private final int units;
    private final Activation activation;
    private WeightVariable<TFloat32> kernel;
    private WeightVariable<TFloat32> bias;
    private Operand<TFloat32> preActivation;

    /** A per-step dense layer of {@code units}. */
    public TimeDenseLayer(String name, int units, Activation activation) {
        super(name);
        if (units < 1) throw new IllegalArgumentException("units must be >= 1, got " + units);
        this.units = units;
        this.activation = activation;
    }

    /** Reads {@code {type: time_dense, units: 60}}. */
    public static TimeDenseLayer fromConfig(ConfigReader r) {
        r.checkKeys("a time_dense layer", List.of("type", "name", "units", "activation"));
        int units = r.requireInt("units", 1, "a time_dense layer");
        Activation a =
                r.has("activation")
                        ? Activations.resolve(r.get("activation"), r.pathOf("activation"))
                        : Activations.LINEAR;
        return new TimeDenseLayer(r.optName(), units, a);
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
    public Operand<TFloat32> preActivation() {
        if (preActivation == null) {
            throw new IllegalStateException("layer '" + name() + "' has not been called yet");
        }
        return preActivation;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("units", units);
        m.put("activation", activation.config());
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        if (inputShape.length != 2) {
            throw new IllegalArgumentException(
                    "time_dense layer '"
                            + name()
                            + "' needs an input [steps, features], got rank "
                            + inputShape.length
                            + " (set return_sequences: true on the recurrent layer before it)");
        }
        kernel =
                addVariable(
                        graph,
                        "kernel",
                        Initializers.XAVIER.initialValue(
                                graph, name() + "_kernel", inputShape[1], units),
                        true);
        bias = addVariable(graph, "bias", graph.tf().constant(new float[units]), true);
        return new long[] {inputShape[0], units};
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        long[] in = inputShape();
        Operand<TFloat32> flat = tf.reshape(input, tf.constant(new long[] {-1, in[1]}));
        Operand<TFloat32> z = tf.nn.biasAdd(tf.linalg.matMul(flat, kernel.read()), bias.read());
        preActivation = tf.reshape(z, tf.constant(new long[] {-1, in[0], units}));
        return activation.apply(tf, preActivation);
    }

    @Override
    public List<WeightVariable<TFloat32>> regularizedWeights() {
        return kernel == null ? List.of() : List.of(kernel);
    }

    /** {@code T (2 features units + units)}. */
    @Override
    public long flops() {
        long[] in = inputShape();
        return in[0] * (2 * in[1] * units + units);
    }
}
