package io.dlkit.plugins.face.identify;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit face db list | rm NAME [--db FILE]}: the enrolled names with their descriptor counts
 * and model, or the removal of one name's descriptors.
 */
@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = {
            "The face database: 'list' the enrolled names, 'rm NAME' to forget one.",
            "e.g. dlkit face db list --db faces.db"
        })
public final class DbCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "list or rm.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "Who, for rm.")
    String name;

    @Option(
            names = "--db",
            paramLabel = "FILE",
            defaultValue = "faces.db",
            description = "The face database (default: ${DEFAULT-VALUE}).")
    Path dbFile;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public DbCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!action.equals("list") && !action.equals("rm")) {
            throw DlkitException.invalidInput(
                    "face db: unknown action '" + action + "'; use 'list' or 'rm NAME'");
        }
        if (action.equals("rm") && name == null) {
            throw DlkitException.invalidInput("face db rm: which NAME?");
        }
        if (!Files.isRegularFile(dbFile)) {
            throw DlkitException.invalidInput(dbFile + ": no face database");
        }
        try (FaceDatabase db = FaceDatabase.open(dbFile)) {
            if (action.equals("rm")) {
                int n = db.remove(name);
                ctx.out().println("removed " + n + " descriptor(s) of " + name);
            } else {
                Map<String, Integer> counts = new TreeMap<>();
                String model = "";
                for (FaceDatabase.Entry e : db.entries()) {
                    counts.merge(e.name(), 1, Integer::sum);
                    model = e.model();
                }
                ctx.out().println("NAME  DESCRIPTORS  MODEL");
                for (Map.Entry<String, Integer> c : counts.entrySet()) {
                    ctx.out().println(c.getKey() + "  " + c.getValue() + "  " + model);
                }
            }
        }
        ctx.out().flush();
        return 0;
    }
}
