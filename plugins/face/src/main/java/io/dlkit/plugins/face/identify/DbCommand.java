package io.dlkit.plugins.face.identify;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.plugins.face.ModelFolder;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit face db list | rm NAME | export FILE | import FILE [--db FILE]}: the enrolled names
 * with their descriptor counts and model, the removal of one name's descriptors, or the database as
 * a JSON file ({@link DbTransfer} documents the format) and back. Import refuses descriptors of
 * other recognition weights than the ones in use and skips those already present.
 */
@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = {
            "The face database: 'list' the enrolled names, 'rm NAME' to forget one, 'export FILE'"
                    + " to JSON, 'import FILE' from it.",
            "e.g. dlkit face db export faces.json --db faces.db"
        })
public final class DbCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "list, rm, export or import.")
    String action;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "NAME|FILE",
            description = "Who, for rm; the JSON file, for export and import.")
    String argument;

    @Option(
            names = "--db",
            paramLabel = "FILE",
            defaultValue = "faces.db",
            description = "The face database (default: ${DEFAULT-VALUE}).")
    Path dbFile;

    @Option(
            names = "--models",
            paramLabel = "DIR",
            description = "For import: face-api's weights folder instead of the model store's.")
    Path models;

    private final CommandContext ctx;
    private final PretrainedModels store;

    /** dlkit injects the command context and the model store. */
    @Inject
    public DbCommand(CommandContext ctx, PretrainedModels store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        if (!List.of("list", "rm", "export", "import").contains(action)) {
            throw DlkitException.invalidInput(
                    "face db: unknown action '"
                            + action
                            + "'; use 'list', 'rm NAME', 'export FILE' or 'import FILE'");
        }
        if (!action.equals("list") && argument == null) {
            throw DlkitException.invalidInput(
                    "face db "
                            + action
                            + ": which "
                            + (action.equals("rm") ? "NAME" : "FILE")
                            + "?");
        }
        if (!action.equals("import") && !Files.isRegularFile(dbFile)) {
            throw DlkitException.invalidInput(dbFile + ": no face database");
        }
        switch (action) {
            case "rm" -> remove();
            case "export" -> export(Path.of(argument));
            case "import" -> importFile(Path.of(argument));
            default -> list();
        }
        ctx.out().flush();
        return 0;
    }

    private void remove() {
        try (FaceDatabase db = FaceDatabase.open(dbFile)) {
            int n = db.remove(argument);
            ctx.out().println("removed " + n + " descriptor(s) of " + argument);
        }
    }

    private void list() {
        try (FaceDatabase db = FaceDatabase.open(dbFile)) {
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

    private void export(Path file) {
        try (FaceDatabase db = FaceDatabase.open(dbFile)) {
            List<FaceDatabase.Entry> entries = db.entries();
            ctx.writer().checkWritable(file);
            String model = entries.isEmpty() ? "" : entries.get(0).model();
            DbTransfer.write(file, model, entries);
            ctx.out().println("exported " + entries.size() + " descriptor(s) to " + file);
        }
    }

    private void importFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DlkitException.invalidInput(file + ": no such file to import");
        }
        List<FaceDatabase.Entry> entries = DbTransfer.read(file);
        String current = ModelFolder.resolve(models, store).recognitionModelId();
        for (FaceDatabase.Entry e : entries) {
            if (!e.model().equals(current)) {
                throw DlkitException.invalidInput(
                        file
                                + ": descriptors of model "
                                + e.model()
                                + ", not of the weights in use ("
                                + current
                                + "); they are not comparable, so nothing was imported");
            }
        }
        try (FaceDatabase db = FaceDatabase.open(dbFile)) {
            int added = db.insert(entries, true);
            ctx.out()
                    .println(
                            "imported "
                                    + added
                                    + " descriptor(s) into "
                                    + dbFile
                                    + (added < entries.size()
                                            ? " (" + (entries.size() - added) + " already there)"
                                            : ""));
        }
    }
}
