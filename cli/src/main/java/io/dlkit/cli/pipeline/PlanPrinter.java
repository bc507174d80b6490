package io.dlkit.cli.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a resolved {@link Plan}: as text for {@code dlkit run --dry-run}, and as plain maps for
 * {@code --format json} and the run manifest.
 */
public final class PlanPrinter {
    private PlanPrinter() {}

    /** Prints the plan: the inputs, then each step in run order with its wiring and parameters. */
    public static void print(Plan plan, PrintWriter out) {
        out.println("pipeline " + plan.name() + " (" + plan.file().source() + ")");
        if (!plan.description().isEmpty()) {
            out.println("  " + plan.description());
        }
        if (!plan.inputs().isEmpty()) {
            out.println("inputs:");
            plan.inputs().forEach((k, v) -> out.println("  " + k + " = " + v));
        }
        out.println("steps, in run order:");
        int n = plan.steps().size();
        for (int i = 0; i < n; i++) {
            PlannedStep step = plan.steps().get(i);
            out.println("  [" + (i + 1) + "/" + n + "] " + step.label());
            step.wiring().forEach((port, ref) -> out.println("      " + port + " <- " + ref));
            step.params().forEach((k, v) -> out.println("      " + k + " = " + v));
        }
        out.flush();
    }

    /**
     * The plan as JSON-ready maps: {@code name}, {@code description}, {@code file}, {@code inputs}
     * and {@code steps} (each with {@code id}, {@code uses}, {@code params} and {@code inputs}).
     */
    public static Map<String, Object> toMap(Plan plan) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", plan.name());
        map.put("description", plan.description());
        map.put("file", plan.file().path().toAbsolutePath().normalize().toString());
        map.put("inputs", plain(plan.inputs()));
        List<Object> steps = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", step.id());
            s.put("uses", step.type().name());
            s.put("params", plain(step.params()));
            Map<String, Object> wiring = new LinkedHashMap<>();
            step.wiring().forEach((port, ref) -> wiring.put(port, ref.toString()));
            s.put("inputs", wiring);
            steps.add(s);
        }
        map.put("steps", steps);
        return map;
    }

    /** Paths become strings; maps and lists are copied through. */
    static Object plain(Object value) {
        if (value instanceof Path p) {
            return p.toString();
        } else if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        } else if (value instanceof List<?> l) {
            return l.stream().map(PlanPrinter::plain).toList();
        }
        return value;
    }
}
