package io.dlkit.cli.models;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.cli.output.Json;
import io.dlkit.cli.output.Table;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dlkit models verify [NAME...]}: SHA-256 of every cached file (of every cached model). */
@Command(
        name = "verify",
        description =
                "Check cached files against the catalog's SHA-256 (all cached models by"
                        + " default); exit 2 if any is damaged.",
        mixinStandardHelpOptions = true)
final class ModelsVerifyCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "NAME",
            arity = "0..*",
            description = "Model names (default: all cached).")
    List<String> names = new ArrayList<>();

    private final CommandContext ctx;

    @Inject
    ModelsVerifyCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ModelCache cache = ModelsCommand.open(ctx, true);
        List<CatalogEntry> entries =
                names.isEmpty()
                        ? cache.catalog().all().stream().filter(cache::anyCached).toList()
                        : names.stream().map(cache.catalog()::get).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<FileCheck> bad = new ArrayList<>();
        for (CatalogEntry e : entries) {
            List<FileCheck> checks = cache.check(e);
            checks.stream().filter(c -> !c.ok()).forEach(bad::add);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", e.name());
            r.put("files", checks.size());
            r.put(
                    "state",
                    checks.stream().allMatch(FileCheck::ok)
                            ? "ok"
                            : checks.stream()
                                    .filter(c -> !c.ok())
                                    .map(c -> c.spec().path() + " " + c.problem())
                                    .findFirst()
                                    .orElse(""));
            rows.add(r);
        }
        print(rows);
        if (!bad.isEmpty()) {
            FileCheck first = bad.get(0);
            String name = first.file().getParent().getFileName().toString();
            throw DlkitException.invalidInput(
                    bad.size()
                            + " cached file(s) fail verification; "
                            + ModelCache.damaged(name, first).getMessage());
        }
        return 0;
    }

    private void print(List<Map<String, Object>> rows) {
        if (ctx.settings().json()) {
            Json.print(ctx.out(), rows);
            return;
        }
        Table t = new Table("NAME", "FILES", "STATE");
        rows.forEach(r -> t.row(r.get("name"), r.get("files"), r.get("state")));
        t.print(ctx.out());
    }
}
