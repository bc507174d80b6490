package io.dlkit.backend.tfjs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real model files in ../shared/data/models; tests skip, saying so, without them. */
final class SharedModels {
    private SharedModels() {}

    /** {@code ../shared/data/models/<relative>}, or a skipped test when it is absent. */
    static Path require(String relative) {
        String shared = System.getProperty("dlkit.shared.dir", "../shared");
        Path file = Path.of(shared, "data", "models", relative);
        Assumptions.assumeTrue(
                Files.exists(file), "../shared/data/models/" + relative + " absent: skipping");
        return file;
    }
}
