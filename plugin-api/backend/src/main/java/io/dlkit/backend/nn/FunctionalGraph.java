package io.dlkit.backend.nn;

import io.dlkit.backend.nn.FunctionalModel.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a {@link FunctionalModel}'s names and puts its layers in dependency order. */
final class FunctionalGraph {
    private FunctionalGraph() {}

    /**
     * The nodes in an order where each comes after the nodes it reads.
     *
     * @throws IllegalArgumentException for duplicate or unknown names and cycles, with the path
     */
    static List<Node> order(Set<String> inputs, List<Node> nodes, List<String> outputs) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String name = nodes.get(i).layer().name();
            if (inputs.contains(name) || index.putIfAbsent(name, i) != null) {
                throw new IllegalArgumentException(
                        "layers[" + i + "].name: duplicate name '" + name + "'");
            }
        }
        Set<String> known = new LinkedHashSet<>(inputs);
        known.addAll(index.keySet());
        for (int i = 0; i < nodes.size(); i++) {
            List<String> ins = nodes.get(i).inputs();
            for (int k = 0; k < ins.size(); k++) {
                requireKnown(ins.get(k), known, "layers[" + i + "].inputs[" + k + "]");
            }
        }
        for (int k = 0; k < outputs.size(); k++) {
            String path = "outputs[" + k + "]";
            requireKnown(outputs.get(k), index.keySet(), path);
        }
        List<Node> order = new ArrayList<>();
        int[] state = new int[nodes.size()]; // 0 new, 1 on the path, 2 done
        for (int i = 0; i < nodes.size(); i++) {
            visit(i, nodes, index, state, order, new ArrayList<>());
        }
        return List.copyOf(order);
    }

    private static void requireKnown(String name, Set<String> known, String path) {
        if (!known.contains(name)) {
            throw new IllegalArgumentException(
                    path
                            + ": unknown layer or input '"
                            + name
                            + "'"
                            + ConfigReader.didYouMean(name, known)
                            + "; known: "
                            + String.join(", ", known));
        }
    }

    private static void visit(
            int i,
            List<Node> nodes,
            Map<String, Integer> index,
            int[] state,
            List<Node> order,
            List<String> path) {
        if (state[i] == 2) return;
        String name = nodes.get(i).layer().name();
        if (state[i] == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            throw new IllegalArgumentException(
                    "layers["
                            + i
                            + "].inputs: cycle "
                            + String.join(" -> ", cycle)
                            + "; a layer cannot read its own output");
        }
        state[i] = 1;
        path.add(name);
        for (String in : nodes.get(i).inputs()) {
            Integer j = index.get(in);
            if (j != null) visit(j, nodes, index, state, order, path);
        }
        path.remove(path.size() - 1);
        state[i] = 2;
        order.add(nodes.get(i));
    }
}
