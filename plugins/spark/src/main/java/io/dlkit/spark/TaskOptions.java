package io.dlkit.spark;

import io.dlkit.api.DlkitException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task options after {@code dlkit batch TASK} ({@code --conf 0.3 --agnostic --top-k=3}) as the
 * task's parameters ({@code conf}, {@code agnostic}, {@code top_k}); a flag without a value is
 * {@code true}.
 */
final class TaskOptions {
    private TaskOptions() {}

    static Map<String, String> parse(String task, List<String> args) {
        Map<String, String> params = new LinkedHashMap<>();
        if (args == null) return params;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() == 2) {
                throw DlkitException.invalidInput(
                        "batch "
                                + task
                                + ": unexpected argument '"
                                + a
                                + "'; task options look like --conf 0.3");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                value = "true";
            }
            params.put(name.replace('-', '_'), value);
        }
        return params;
    }
}
