package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.cli.output.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints a command's result map as {@code key: value} lines or one JSON document. */
final class Results {
    private Results() {}

    static void print(CommandContext ctx, Map<String, Object> result) {
        PrintWriter out = ctx.out();
        if (ctx.settings().json()) {
            Json.print(out, result);
            return;
        }
        result.forEach(
                (k, v) -> {
                    if (v != null) out.println(k + ": " + format(v));
                });
        out.flush();
    }

    static String format(Object v) {
        if (v instanceof Double d) return String.format(Locale.ROOT, "%.4f", d);
        if (v instanceof Float f) return String.format(Locale.ROOT, "%.4f", f);
        return String.valueOf(v);
    }

    /** {@code --opt beta1=0.9}: numbers become numbers, the rest stays text. */
    static Map<String, Object> parseValues(Map<String, String> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach(
                (k, v) -> {
                    try {
                        out.put(k, Double.parseDouble(v));
                    } catch (NumberFormatException e) {
                        out.put(k, v);
                    }
                });
        return out;
    }
}
