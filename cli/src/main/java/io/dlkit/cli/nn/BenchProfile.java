package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link io.dlkit.backend.runtime.RunTrace} summary as an indented table. */
final class BenchProfile {
    private BenchProfile() {}

    /**
     * Prints a bench result and its profile (null: none): the profile as a table after the result,
     * or as the JSON document's {@code profile} field.
     */
    static void printWith(
            CommandContext ctx, Map<String, Object> result, Map<String, Object> profile) {
        if (profile != null && ctx.settings().json()) result.put("profile", profile);
        Results.print(ctx, result);
        if (profile != null && !ctx.settings().json()) print(ctx.out(), profile);
    }

    @SuppressWarnings("unchecked")
    static void print(PrintWriter out, Map<String, Object> p) {
        out.printf(
                Locale.ROOT,
                "profile: %s traced runs, ms per run (op times are per-op wall times; they overlap on"
                        + " several threads)%n",
                p.get("runs"));
        out.printf(Locale.ROOT, "  %-34s %9.3f%n", "session run (wall)", p.get("run_ms"));
        out.printf(Locale.ROOT, "  %-34s %9.3f%n", "  ops span inside it", p.get("ops_span_ms"));
        out.printf(
                Locale.ROOT, "  %-34s %9.3f%n", "java between runs", p.get("java_between_runs_ms"));
        out.printf(
                Locale.ROOT,
                "  %-34s %9.3f%n",
                "  of which batch copy + feed",
                p.get("feeding_ms"));
        var groups = (Map<String, Map<String, Object>>) p.get("op_ms_per_run");
        groups.forEach(
                (group, types) -> {
                    out.printf(
                            Locale.ROOT, "  %-34s %9.3f%n", group + " ops", types.get("total_ms"));
                    types.forEach(
                            (type, v) -> {
                                if (v instanceof List<?> l) {
                                    out.printf(
                                            Locale.ROOT,
                                            "    %-32s %9.3f  (%s per run)%n",
                                            type,
                                            l.get(0),
                                            l.get(1));
                                }
                            });
                });
        out.flush();
    }
}
