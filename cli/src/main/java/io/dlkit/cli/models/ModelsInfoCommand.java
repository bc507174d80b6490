package io.dlkit.cli.models;

import io.dlkit.api.CommandContext;
import io.dlkit.cli.output.Json;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dlkit models info NAME}: the catalog entry and the state of each cached file. */
@Command(
        name = "info",
        description = "Show a model's task, source, licence, contract and files with their state.",
        mixinStandardHelpOptions = true)
final class ModelsInfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "A model name, as 'dlkit models list' shows.")
    String name;

    private final CommandContext ctx;

    @Inject
    ModelsInfoCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ModelCache cache = ModelsCommand.open(ctx, true);
        CatalogEntry e = cache.catalog().get(name);
        if (ctx.settings().json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("entry", e);
            doc.put("folder", cache.folder(name).toString());
            doc.put(
                    "files",
                    cache.check(e).stream()
                            .map(
                                    c ->
                                            Map.of(
                                                    "path",
                                                    c.spec().path(),
                                                    "state",
                                                    c.state()
                                                            .name()
                                                            .toLowerCase(java.util.Locale.ROOT)))
                            .toList());
            Json.print(ctx.out(), doc);
            return 0;
        }
        PrintWriter out = ctx.out();
        out.println("name:      " + e.name());
        out.println("task:      " + e.task());
        out.println("importer:  " + e.importer());
        out.println("source:    " + e.source());
        out.println("licence:   " + e.licence());
        out.println("upstream:  " + e.upstream());
        out.println("input:     " + e.input());
        out.println("output:    " + e.output());
        out.println("folder:    " + cache.folder(name));
        for (FileCheck c : cache.check(e)) {
            out.println(
                    "file:      "
                            + c.spec().path()
                            + "  "
                            + c.spec().size()
                            + " bytes  sha256 "
                            + c.spec().sha256()
                            + "  "
                            + c.problem());
        }
        out.flush();
        return 0;
    }
}
