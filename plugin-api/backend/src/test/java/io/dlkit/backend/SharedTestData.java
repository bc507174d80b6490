package io.dlkit.backend;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real data and models in ../shared/data for the backend's tests: tests skip, saying so,
 * without them, except in CI ({@code CI=true}), where they must be there. The policy of testkit's
 * SharedData, which the backend's own tests cannot depend on (testkit depends on the backend).
 */
public final class SharedTestData {
    private SharedTestData() {}

    /** {@code ../shared/data/models/<relative>}, or a skipped test when it is absent. */
    public static Path require(String relative) {
        String shared = System.getProperty("dlkit.shared.dir", "../shared");
        return present(Path.of(shared, "data", "models", relative));
    }

    /** {@code path} when it exists; otherwise a skipped test (failed with CI=true). */
    public static Path present(Path path) {
        if (!Files.exists(path)) {
            String message = "no " + path + ": the shared data set is missing";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: shared data must be present in CI)");
            }
            Assumptions.abort("SKIPPED: " + message + "; put it there to run this test");
        }
        return path;
    }
}
