package io.dlkit.backend.runtime;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * Where the time of session runs goes: each run goes with a full trace ({@code RunOptions}
 * FULL_TRACE) and the per-op step statistics of its {@code RunMetadata} are summed by group and op
 * type. The group of a node comes from a classifier ({@code forward}, {@code gradient}, ...); the
 * op type from the graph, or from the trace's label for nodes the graph optimizer created. Also
 * kept: the wall time of the runs, the span the ops covered inside them, and the Java time between
 * runs (batch copy and feeding, reading results), split into the part the caller reports as feeding
 * ({@link #fed}) and the rest.
 *
 * <p>Op times are each op's own wall time ({@code all_end_rel_micros}); with two or more threads
 * ops overlap, so a group's sum can exceed the step's wall time. The trace itself slows every op by
 * a few microseconds: read the shares, not the absolute figures.
 */
public final class RunTrace {
    private static final RunOptions FULL =
            RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();

    private final Graph graph;
    private final Function<String, String> classifier;
    private final Map<String, Map<String, long[]>> byGroup = new LinkedHashMap<>();
    private long runs;
    private long runNanos;
    private long spanMicros;
    private long betweenNanos;
    private long feedNanos;
    private long lastEnd;

    /**
     * A trace of runs on {@code graph}.
     *
     * @param classifier the group of a node by name; may return null for "other"
     */
    public RunTrace(Graph graph, Function<String, String> classifier) {
        this.graph = requireNonNull(graph, "graph is null");
        this.classifier = requireNonNull(classifier, "classifier is null");
    }

    /** Runs {@code runner} with a full trace and adds its statistics; returns its result. */
    public Result run(Session.Runner runner) {
        long t0 = System.nanoTime();
        if (lastEnd != 0) betweenNanos += t0 - lastEnd;
        Result r = runner.setOptions(FULL).runAndFetchMetadata();
        long t1 = System.nanoTime();
        runs++;
        runNanos += t1 - t0;
        r.getMetadata().ifPresent(this::add);
        lastEnd = System.nanoTime(); // reading the trace is not the caller's Java time
        return r;
    }

    /** Reports {@code nanos} of Java time spent copying and feeding a batch (part of "between"). */
    public void fed(long nanos) {
        feedNanos += nanos;
    }

    /** Forgets the Java time since the last run (call at the start of a timed section). */
    public void restartClock() {
        lastEnd = 0;
    }

    private void add(RunMetadata m) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (DeviceStepStats d : m.getStepStats().getDevStatsList()) {
            for (NodeExecStats n : d.getNodeStatsList()) {
                String group = classifier.apply(n.getNodeName());
                String type = opType(n);
                long[] acc =
                        byGroup.computeIfAbsent(
                                        group == null ? "other" : group, k -> new LinkedHashMap<>())
                                .computeIfAbsent(type, k -> new long[2]);
                acc[0] += n.getAllEndRelMicros();
                acc[1]++;
                first = Math.min(first, n.getAllStartMicros());
                last = Math.max(last, n.getAllStartMicros() + n.getAllEndRelMicros());
            }
        }
        if (last >= first) spanMicros += last - first;
    }

    // The kernel that ran, from the label "name = Type(inputs)": the graph optimizer may have
    // fused or rewritten the graph's op (BiasAdd into _FusedConv2D, MaxPool into _MklMaxPool).
    private String opType(NodeExecStats n) {
        String label = n.getTimelineLabel();
        int eq = label.indexOf(" = ");
        int paren = label.indexOf('(', eq + 3);
        if (eq >= 0 && paren > eq) return label.substring(eq + 3, paren);
        GraphOperation op = graph.operation(n.getNodeName());
        if (op != null) return op.type();
        return n.getNodeName().startsWith("_") ? n.getNodeName() : "?";
    }

    /** The number of traced runs. */
    public long runs() {
        return runs;
    }

    /**
     * The summary, per run: {@code run_ms} (wall time inside {@code Session.run}), {@code
     * ops_span_ms} (first op start to last op end), {@code java_between_runs_ms} and its {@code
     * feeding_ms} part, then one entry per group (ms of op time per run, largest first) with its op
     * types, each {@code [ms per run, ops per run]}.
     */
    public Map<String, Object> summary() {
        double n = Math.max(1, runs);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", runs);
        out.put("run_ms", round(runNanos / 1e6 / n));
        out.put("ops_span_ms", round(spanMicros / 1e3 / n));
        out.put("java_between_runs_ms", round(betweenNanos / 1e6 / Math.max(1, runs - 1)));
        out.put("feeding_ms", round(feedNanos / 1e6 / n));
        List<Map.Entry<String, Map<String, long[]>>> groups = new ArrayList<>(byGroup.entrySet());
        groups.sort(
                Comparator.comparingLong(
                        (Map.Entry<String, Map<String, long[]>> e) -> -total(e.getValue())));
        Map<String, Object> g = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, long[]>> e : groups) {
            Map<String, Object> types = new LinkedHashMap<>();
            types.put("total_ms", round(total(e.getValue()) / 1e3 / n));
            e.getValue().entrySet().stream()
                    .sorted(Comparator.comparingLong(t -> -t.getValue()[0]))
                    .forEach(
                            t ->
                                    types.put(
                                            t.getKey(),
                                            List.of(
                                                    round(t.getValue()[0] / 1e3 / n),
                                                    round(t.getValue()[1] / n))));
            g.put(e.getKey(), types);
        }
        out.put("op_ms_per_run", g);
        return out;
    }

    private static long total(Map<String, long[]> types) {
        long s = 0;
        for (long[] v : types.values()) s += v[0];
        return s;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
