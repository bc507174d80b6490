package io.dlkit.plugins.cnnzoo.command;

import io.dlkit.api.CommandContext;
import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import io.dlkit.plugins.cnnzoo.InputShapes;
import io.dlkit.plugins.cnnzoo.ZooArchitectures;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dlkit zoo list}: the architectures with their default input and a line about each. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the architectures (name, default input, description).")
public final class ZooListCommand implements Callable<Integer> {
    private final CommandContext ctx;
    private final ZooArchitectures zoo = new ZooArchitectures();

    /** dlkit injects the command context. */
    @Inject
    public ZooListCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : zoo.architectures()) {
            ArchitectureSpec spec = zoo.defaultSpec(name);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("description", zoo.description(name));
            row.put("default_input", Arrays.stream(spec.inputShape()).boxed().toList());
            row.put("default_classes", spec.classes());
            row.put("min_input_size", zoo.minInputSize(name));
            rows.add(row);
        }
        PrintWriter out = ctx.out();
        if (ctx.settings().json()) {
            out.println(ZooFormats.json(rows));
        } else {
            printTable(out, rows);
        }
        out.flush();
        return 0;
    }

    private void printTable(PrintWriter out, List<Map<String, Object>> rows) {
        String format = "%-14s%-16s%s%n";
        out.printf(format, "NAME", "DEFAULT INPUT", "DESCRIPTION");
        for (Map<String, Object> r : rows) {
            String name = (String) r.get("name");
            out.printf(
                    format,
                    name,
                    InputShapes.text(zoo.defaultSpec(name).inputShape()),
                    r.get("description"));
        }
    }
}
