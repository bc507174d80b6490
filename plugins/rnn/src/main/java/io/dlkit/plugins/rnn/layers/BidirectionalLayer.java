package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.AbstractLayer;
import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The notes' bidirectional RNN (type {@code bidirectional}): one recurrent layer reads the sequence
 * forwards, a second (same config, own weights) reads it backwards, and each step's prediction sees
 * both, {@code y<t> = g(W_y [a->(t), a<-(t)] + b_y)}: the two outputs are concatenated ({@code
 * merge: concat}, {@code [T, 2 units]}) or added ({@code merge: sum}). The backward layer's
 * sequence output is reversed back so that step {@code t} lines up with the input's.
 *
 * <p>Config: {@code layer} (a {@code simple_rnn}, {@code gru} or {@code lstm} config), {@code
 * merge} (default {@code concat}). Variables: {@code <name>_forward_*} and {@code
 * <name>_backward_*}.
 */
public final class BidirectionalLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "bidirectional";

    private final Map<String, Object> inner;
    private final String merge;
    private RecurrentLayer forward;
    private RecurrentLayer backward;

    /**
     * @param name the name, or null
     * @param inner the wrapped recurrent layer's config (without a name)
     * @param merge {@code concat} or {@code sum}
     */
    public BidirectionalLayer(String name, Map<String, Object> inner, String merge) {
        super(name);
        if (!merge.equals("concat") && !merge.equals("sum")) {
            throw new IllegalArgumentException("merge must be concat or sum, got '" + merge + "'");
        }
        this.inner = new LinkedHashMap<>(inner);
        this.inner.remove("name");
        this.merge = merge;
        create(this.inner, null, "layers"); // fail early on a bad inner config
    }

    /** Reads {@code {type: bidirectional, merge: concat, layer: {type: lstm, units: 8}}}. */
    public static BidirectionalLayer fromConfig(ConfigReader r) {
        r.checkKeys("a bidirectional layer", List.of("type", "name", "layer", "merge"));
        if (!(r.get("layer") instanceof Map<?, ?> m)) {
            throw r.error("layer", "needs a recurrent layer's config, e.g. {type: lstm, units: 8}");
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        m.forEach((k, v) -> inner.put(String.valueOf(k), v));
        String merge = r.optString("merge", "concat");
        if (!merge.equals("concat") && !merge.equals("sum")) {
            throw r.error("merge", "must be concat or sum, got '" + merge + "'");
        }
        create(inner, null, r.pathOf("layer"));
        return new BidirectionalLayer(r.optName(), inner, merge);
    }

    private static RecurrentLayer create(Map<String, Object> config, String name, String path) {
        Map<String, Object> c = new LinkedHashMap<>(config);
        if (name != null) c.put("name", name);
        Layer l = RnnLayerTypes.create(new ConfigReader(c, path));
        if (!(l instanceof RecurrentLayer rl)) {
            throw new IllegalArgumentException(
                    path + ".type: bidirectional wraps simple_rnn, gru or lstm, got " + l.type());
        }
        return rl;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("layer", create(inner, null, "layer").config());
        m.put("merge", merge);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        forward = create(inner, name() + "_forward", "layer");
        backward = create(inner, name() + "_backward", "layer");
        long[] out = forward.build(graph, inputShape);
        backward.build(graph, inputShape);
        if (merge.equals("concat")) out[out.length - 1] *= 2;
        return out;
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        Operand<TFloat32> fw = forward.call(graph, input, training);
        Operand<TFloat32> bw =
                backward.call(graph, tf.reverse(input, tf.constant(new int[] {1})), training);
        if (backward.returnSequences()) bw = tf.reverse(bw, tf.constant(new int[] {1}));
        if (merge.equals("sum")) return tf.math.add(fw, bw);
        int last = forward.returnSequences() ? 2 : 1;
        return tf.concat(List.of(fw, bw), tf.constant(last));
    }

    @Override
    public List<WeightVariable<TFloat32>> variables() {
        List<WeightVariable<TFloat32>> all = new ArrayList<>();
        if (forward != null) {
            all.addAll(forward.variables());
            all.addAll(backward.variables());
        }
        return all;
    }

    @Override
    public List<WeightVariable<TFloat32>> regularizedWeights() {
        List<WeightVariable<TFloat32>> all = new ArrayList<>();
        if (forward != null) {
            all.addAll(forward.regularizedWeights());
            all.addAll(backward.regularizedWeights());
        }
        return all;
    }

    /** Both directions, plus the merge. */
    @Override
    public long flops() {
        long[] out = outputShape();
        long n = 1;
        for (long d : out) n *= d;
        return forward.flops() + backward.flops() + (merge.equals("sum") ? n : 0);
    }
}
