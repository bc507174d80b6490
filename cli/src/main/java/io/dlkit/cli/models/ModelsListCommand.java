package io.dlkit.cli.models;

import io.dlkit.api.CommandContext;
import io.dlkit.cli.output.Json;
import io.dlkit.cli.output.Table;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code dlkit models list}: every catalog model, whether it is cached and verifies. */
@Command(
        name = "list",
        description = "List the catalog's models: task, size, whether cached and intact.",
        mixinStandardHelpOptions = true)
final class ModelsListCommand implements Callable<Integer> {
    private final CommandContext ctx;

    @Inject
    ModelsListCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ModelCache cache = ModelsCommand.open(ctx, true);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CatalogEntry e : cache.catalog().all()) rows.add(row(cache, e));
        if (ctx.settings().json()) {
            Json.print(
                    ctx.out(),
                    Map.of("cache", cache.settings().cache().toString(), "models", rows));
            return 0;
        }
        Table t = new Table("NAME", "TASK", "SIZE", "CACHED", "VERIFIED");
        for (Map<String, Object> r : rows) {
            t.row(
                    r.get("name"),
                    r.get("task"),
                    String.format(Locale.ROOT, "%.1f MB", ((Long) r.get("size")) / 1e6),
                    r.get("cached"),
                    r.get("verified"));
        }
        t.print(ctx.out());
        ctx.out().println("cache: " + cache.settings().cache());
        ctx.out().flush();
        return 0;
    }

    static Map<String, Object> row(ModelCache cache, CatalogEntry e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", e.name());
        r.put("task", e.task());
        r.put("importer", e.importer());
        r.put("size", e.size());
        List<FileCheck> checks = cache.check(e);
        long present = checks.stream().filter(c -> c.state() != FileCheck.State.MISSING).count();
        r.put("cached", present == 0 ? "no" : present == checks.size() ? "yes" : "partly");
        r.put(
                "verified",
                present == 0
                        ? "-"
                        : checks.stream().allMatch(FileCheck::ok)
                                ? "ok"
                                : checks.stream()
                                        .filter(c -> !c.ok())
                                        .map(
                                                c ->
                                                        c.spec().path()
                                                                + " "
                                                                + c.state()
                                                                        .name()
                                                                        .toLowerCase(Locale.ROOT))
                                        .findFirst()
                                        .orElse(""));
        return r;
    }
}
