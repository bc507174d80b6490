package io.dlkit.cli.pipeline;

import io.dlkit.cli.pipeline.PipelineSpec.StepSpec;
import io.dlkit.cli.pipeline.PipelineSpec.Wiring;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Orders steps so that each runs after the steps whose outputs it takes (Kahn's algorithm, ties
 * broken by file order), and reports every cycle as {@code cycle: a -> b -> a}, arrows in the
 * direction data flows.
 */
final class DependencyOrder {
    private final Map<String, StepSpec> steps = new LinkedHashMap<>();
    private final Map<String, Set<String>> dependencies = new HashMap<>();

    private DependencyOrder(List<StepSpec> steps, Map<String, Map<String, Reference>> wiring) {
        steps.forEach(s -> this.steps.put(s.id(), s));
        for (StepSpec step : steps) {
            Set<String> deps = new LinkedHashSet<>();
            wiring.getOrDefault(step.id(), Map.of()).values().stream()
                    .filter(r -> !r.isInput() && this.steps.containsKey(r.source()))
                    .forEach(r -> deps.add(r.source()));
            dependencies.put(step.id(), deps);
        }
    }

    /**
     * The steps in run order; when there are cycles, reports them and returns the steps that can
     * run.
     */
    static List<StepSpec> order(
            List<StepSpec> steps,
            Map<String, Map<String, Reference>> wiring,
            String source,
            List<Problem> problems) {
        DependencyOrder graph = new DependencyOrder(steps, wiring);
        List<StepSpec> order = graph.kahn();
        if (order.size() < steps.size()) {
            graph.reportCycles(order, source, problems);
        }
        return order;
    }

    private List<StepSpec> kahn() {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        dependencies.forEach(
                (id, deps) -> {
                    waiting.put(id, deps.size());
                    deps.forEach(
                            d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(id));
                });
        PriorityQueue<StepSpec> ready =
                new PriorityQueue<>(Comparator.comparingInt(StepSpec::index));
        steps.values().stream().filter(s -> waiting.get(s.id()) == 0).forEach(ready::add);
        List<StepSpec> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            StepSpec next = ready.poll();
            order.add(next);
            for (String dependent : dependents.getOrDefault(next.id(), List.of())) {
                if (waiting.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(steps.get(dependent));
                }
            }
        }
        return order;
    }

    private void reportCycles(List<StepSpec> done, String source, List<Problem> problems) {
        Set<String> left = new LinkedHashSet<>(steps.keySet());
        done.forEach(s -> left.remove(s.id()));
        Set<Set<String>> reported = new HashSet<>();
        for (String start : left) {
            List<String> cycle = findCycle(start, left);
            if (reported.add(new HashSet<>(cycle))) {
                problems.add(cycleProblem(cycle, source));
            }
        }
    }

    /**
     * Follows dependencies among the blocked steps until one repeats; every blocked step has one.
     */
    private List<String> findCycle(String start, Set<String> left) {
        List<String> walk = new ArrayList<>();
        String at = start;
        while (!walk.contains(at)) {
            walk.add(at);
            at = dependencies.get(at).stream().filter(left::contains).findFirst().orElseThrow();
        }
        List<String> cycle = walk.subList(walk.indexOf(at), walk.size());
        // Start at the step written first, so the message does not depend on where the walk began.
        int first =
                cycle.indexOf(
                        cycle.stream()
                                .min(Comparator.comparingInt(id -> steps.get(id).index()))
                                .orElseThrow());
        List<String> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
        rotated.addAll(cycle.subList(0, first));
        return rotated;
    }

    /** {@code rotated} runs along dependencies (each needs the next); the message follows data. */
    private Problem cycleProblem(List<String> rotated, String source) {
        StepSpec head = steps.get(rotated.get(0));
        String needed = rotated.get(rotated.size() > 1 ? 1 : 0);
        Wiring wire =
                head.inputs().stream()
                        .filter(
                                w ->
                                        w.value().toPlain() instanceof String s
                                                && s.contains("${" + needed + "."))
                        .findFirst()
                        .orElse(null);
        List<String> flow = new ArrayList<>();
        flow.add(head.id());
        for (int i = rotated.size() - 1; i >= 0; i--) {
            flow.add(rotated.get(i));
        }
        String message = "cycle: " + flow.stream().collect(Collectors.joining(" -> "));
        return wire == null
                ? new Problem(source, head.position(), head.path(), message)
                : new Problem(
                        source, wire.position(), head.path() + ".inputs." + wire.port(), message);
    }
}
