package io.dlkit.backend.runtime;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.UnsafeByteOperations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.types.TFloat32;

/**
 * A copy of a built, initialised graph in which every float variable's read is a {@code Const}
 * holding its current value, with its own session (same options as the original). For graphs that
 * only evaluate and run many times with fixed weights: oneDNN then reorders each convolution's and
 * matmul's weights into its blocked layout once (it caches them for constant filters) instead of at
 * every run. Measured for issue #15: ResNet-50 batch 1 about 30% less CPU per run; LeNet-5 no
 * change (before the folding below; with it, ResNet-50 batch 1 runs 1.55x as fast). Outputs equal
 * the original's to float rounding.
 *
 * <p>Inference-mode batch norms after convolutions are folded into the convolutions' weights and a
 * bias, and residual sums after them become {@code AddN} ({@link ConvFusionRewrite}), so that the
 * graph optimizer fuses convolution, bias, residual sum and ReLU into one oneDNN kernel.
 *
 * <p>Freezing copies every weight once (ResNet-50: about 100 MB, a fraction of a second); the copy
 * never sees later changes to the variables and never trains. Operations keep their names, so
 * {@link #find} maps the original graph's operands to the copy's. The system property {@code
 * dlkit.frozenWeights=false} turns the callers' use of it off ({@link #enabled()}).
 */
public final class FrozenGraph implements AutoCloseable {
    /**
     * Session runs from which freezing pays. ResNet-50 at batch 1 (issue #15, with the batch norms
     * folded): 35 ms a run frozen against 55 ms, for about 0.9 s of freezing once, so the copy
     * repays itself after about 45 runs; at batch 8, 25 ms against 28 ms per image. (Before the
     * folding the copy saved 24 ms of CPU a run at batch 1 and was worth it from 100 runs.)
     */
    public static final int WORTHWHILE_RUNS = 50;

    private final Graph graph;
    private final Session session;
    private final long freezeMillis;

    private FrozenGraph(Graph graph, Session session, long freezeMillis) {
        this.graph = graph;
        this.session = session;
        this.freezeMillis = freezeMillis;
    }

    /**
     * Whether callers should freeze their evaluation graphs: true unless the system property {@code
     * dlkit.frozenWeights} is {@code false} (for A/B comparisons).
     */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("dlkit.frozenWeights", "true"));
    }

    /**
     * Whether freezing also folds inference-mode batch norms into the convolutions before them
     * ({@link ConvFusionRewrite}): true unless the system property {@code dlkit.foldBatchNorms} is
     * {@code false} (for A/B comparisons).
     */
    static boolean foldsBatchNorms() {
        return !"false".equalsIgnoreCase(System.getProperty("dlkit.foldBatchNorms", "true"));
    }

    private static Set<String> outputNames(Collection<? extends Operand<?>> keep) {
        Set<String> names = new HashSet<>();
        for (Operand<?> o : keep) {
            names.add(o.asOutput().op().name() + ":" + o.asOutput().index());
        }
        return names;
    }

    /**
     * Copies {@code g}'s graph with its float variables' reads replaced by their current values.
     *
     * @param g a graph whose variables are initialised or restored
     * @return the copy, in its own session; close it when done (the original stays usable)
     * @throws IllegalArgumentException if the graph cannot be copied (TensorFlow rejects it)
     */
    public static FrozenGraph of(GraphContext g) {
        return of(g, List.of());
    }

    /**
     * Copies the part of {@code g}'s graph that {@code keep} depend on (all of it when {@code keep}
     * is empty), with the float variables' reads it needs replaced by their current values. Pass
     * every operand the caller will feed or fetch: a training graph's gradients and optimizer slots
     * are then neither copied nor read.
     *
     * @param g a graph whose variables are initialised or restored
     * @param keep the operands to feed or fetch in the copy
     * @return the copy, in its own session; close it when done (the original stays usable)
     * @throws IllegalArgumentException if the graph cannot be copied (TensorFlow rejects it)
     */
    public static FrozenGraph of(GraphContext g, Collection<? extends Operand<?>> keep) {
        requireNonNull(g, "graph is null");
        long t0 = System.nanoTime();
        GraphDef full = g.graph().toGraphDef();
        Set<String> needed = keep.isEmpty() ? null : fanIn(full, keep, readNames(g));
        GraphDef def = withConstants(full, needed, currentValues(g, needed));
        if (foldsBatchNorms()) def = ConvFusionRewrite.fold(def, g, outputNames(keep));
        Graph copy = new Graph();
        try {
            copy.importGraphDef(def);
            Session session = new Session(copy, g.config());
            return new FrozenGraph(copy, session, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /**
     * The copy's counterpart of {@code original} (same operation name and output index).
     *
     * @throws IllegalArgumentException if the copy has no such operation
     */
    public Output<?> find(Operand<?> original) {
        Output<?> o = original.asOutput();
        var op = graph.operation(o.op().name());
        if (op == null) {
            throw new IllegalArgumentException(
                    "the frozen graph has no operation '" + o.op().name() + "'");
        }
        return op.output(o.index());
    }

    /** The copy's graph. */
    public Graph graph() {
        return graph;
    }

    /** The copy's session. */
    public Session session() {
        return session;
    }

    /** How long freezing took (reading the weights, rewriting, importing), in milliseconds. */
    public long freezeMillis() {
        return freezeMillis;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }

    /**
     * All float weights in one session run (a run per variable would prune the graph each time).
     */
    private static Map<String, TensorProto> currentValues(GraphContext g, Set<String> needed) {
        List<Operand<?>> reads = new ArrayList<>();
        for (WeightVariable<?> v : g.variables()) {
            boolean used = needed == null || needed.contains(v.read().op().name());
            if (used && v.read().type() == TFloat32.class) reads.add(v.read());
        }
        Map<String, TensorProto> values = new HashMap<>();
        if (reads.isEmpty()) return values;
        Session.Runner runner = g.session().runner();
        reads.forEach(runner::fetch);
        try (Result r = runner.run()) {
            for (int i = 0; i < reads.size(); i++) {
                values.put(reads.get(i).op().name(), proto((TFloat32) r.get(i)));
            }
        }
        return values;
    }

    private static Set<String> readNames(GraphContext g) {
        Set<String> names = new HashSet<>();
        for (WeightVariable<?> v : g.variables()) names.add(v.read().op().name());
        return names;
    }

    /**
     * The names of the nodes {@code keep} depend on (data and control inputs), themselves too; a
     * variable's read (to become a constant) ends the walk.
     */
    private static Set<String> fanIn(
            GraphDef def, Collection<? extends Operand<?>> keep, Set<String> reads) {
        Map<String, NodeDef> byName = new HashMap<>();
        for (NodeDef n : def.getNodeList()) byName.put(n.getName(), n);
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        keep.forEach(o -> todo.add(o.op().name()));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            NodeDef n = byName.get(name);
            if (n == null || !seen.add(name) || reads.contains(name)) continue;
            for (String in : n.getInputList()) {
                todo.add(NodeDefs.opName(in));
            }
        }
        return seen;
    }

    private static GraphDef withConstants(
            GraphDef original, Set<String> needed, Map<String, TensorProto> values) {
        GraphDef.Builder def = original.toBuilder().clearNode();
        for (NodeDef node : original.getNodeList()) {
            if (needed != null && !needed.contains(node.getName())) continue;
            TensorProto value = values.get(node.getName());
            if (value == null) {
                def.addNode(node);
                continue;
            }
            def.addNode(NodeDefs.constant(node.getName(), node.getDevice(), value));
        }
        return def.build();
    }

    private static TensorProto proto(TFloat32 t) {
        byte[] bytes = new byte[Math.toIntExact(t.asRawTensor().numBytes())];
        t.asRawTensor().data().read(bytes);
        return NodeDefs.floatTensor(
                NodeDefs.shape(t.shape().asArray()), UnsafeByteOperations.unsafeWrap(bytes));
    }
}
