package io.dlkit.cli.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The user catalog: {@code user-models.json} in the cache root, the entries {@code dlkit models
 * import PATH --name NAME} made for models of one's own (same form as a catalog resource). Written
 * under a file lock, atomically (a temporary file moved over it).
 */
final class UserCatalog {
    /** The file name in the cache root. */
    static final String FILE = "user-models.json";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private UserCatalog() {}

    /** The user catalog file of the cache {@code root}. */
    static Path file(Path root) {
        return root.resolve(FILE);
    }

    /** The entries of {@code file}; none when it does not exist. */
    static List<CatalogEntry> read(Path file) {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            ModelCatalog.Catalog c = MAPPER.readValue(file.toFile(), ModelCatalog.Catalog.class);
            return c.models() == null ? List.of() : c.models();
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    file
                            + ": unreadable user model catalog ("
                            + e.getMessage().lines().findFirst().orElse("")
                            + "); fix or delete it and import the models again");
        }
    }

    /** Adds {@code entry} to the user catalog of {@code root}, replacing one of the same name. */
    static void put(Path root, CatalogEntry entry) {
        update(root, entry.name(), entry);
    }

    /** Removes {@code name} from the user catalog of {@code root}; false if it was not there. */
    static boolean remove(Path root, String name) {
        return update(root, name, null);
    }

    private static boolean update(Path root, String name, CatalogEntry replacement) {
        Path file = file(root);
        try {
            Files.createDirectories(root);
            try (FileChannel ch =
                            FileChannel.open(
                                    root.resolve("." + FILE + ".lock"),
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.WRITE);
                    FileLock lock = ch.lock()) {
                List<CatalogEntry> all = new ArrayList<>(read(file));
                boolean had = all.removeIf(e -> e.name().equals(name));
                if (replacement != null) all.add(replacement);
                if (!had && replacement == null) return false;
                Path tmp = Files.createTempFile(root, "." + FILE, ".tmp");
                MAPPER.writeValue(tmp.toFile(), new ModelCatalog.Catalog(all));
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                return had;
            }
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.BACKEND,
                    "cannot write the user model catalog "
                            + file
                            + ": "
                            + e
                            + "; check the"
                            + " cache's permissions or move it with DLKIT_MODELS",
                    e);
        }
    }
}
