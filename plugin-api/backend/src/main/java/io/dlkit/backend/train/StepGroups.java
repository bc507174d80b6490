package io.dlkit.backend.train;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Operation;

/**
 * Which part of a training step a graph node belongs to, for {@link
 * io.dlkit.backend.runtime.RunTrace}: {@code feeding} (the fed placeholders' argument nodes),
 * {@code fetches} (the results' return nodes), {@code forward} (everything the loss, accuracy,
 * metrics and output depend on), {@code gradient} ({@code tf.gradients}' ops, all named {@code
 * Gradients...}), {@code optimizer} (the rest of the train op: clipping, the optimizer's updates,
 * batch-norm moving averages), {@code other} (nodes the graph optimizer created under new names).
 */
public final class StepGroups implements Function<String, String> {
    private final Graph graph;
    private final Set<String> forward;

    private StepGroups(Graph graph, Set<String> forward) {
        this.graph = graph;
        this.forward = forward;
    }

    /** The groups of a training graph's nodes. */
    public static StepGroups of(TrainingGraph g) {
        List<Operand<?>> roots = new java.util.ArrayList<>(List.of(g.totalLoss, g.output));
        if (g.correct != null) roots.add(g.correct);
        roots.addAll(g.metrics.values());
        return new StepGroups(
                g.graph().graph(), ancestors(roots.stream().map(Operand::op).toList()));
    }

    /** Every node of an inference graph is {@code forward} (besides feeding and fetches). */
    public static StepGroups inference(Graph graph) {
        return new StepGroups(graph, null);
    }

    @Override
    public String apply(String node) {
        if (node.startsWith("_arg_") || node.startsWith("_recv_")) return "feeding";
        if (node.startsWith("_retval_") || node.startsWith("_send_")) return "fetches";
        if (forward == null) return "forward";
        if (node.startsWith("Gradients")) return "gradient";
        String known = known(node);
        if (known == null) return "other";
        return forward.contains(known) ? "forward" : "optimizer";
    }

    // Grappler renames some nodes it rewrites (name/suffix, name-suffix): try the prefixes too.
    private String known(String node) {
        String name = node;
        while (true) {
            if (graph.operation(name) != null) return name;
            int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('-'));
            if (cut <= 0) return null;
            name = name.substring(0, cut);
        }
    }

    private static Set<String> ancestors(List<Operation> roots) {
        Set<String> seen = new HashSet<>();
        Deque<GraphOperation> todo = new ArrayDeque<>();
        roots.forEach(r -> todo.add((GraphOperation) r));
        while (!todo.isEmpty()) {
            GraphOperation op = todo.pop();
            if (!seen.add(op.name())) continue;
            op.inputs().forEach(in -> todo.add((GraphOperation) in.op()));
            todo.addAll(op.controlInputs());
        }
        return seen;
    }
}
