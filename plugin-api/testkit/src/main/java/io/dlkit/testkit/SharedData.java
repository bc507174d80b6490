package io.dlkit.testkit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data and models that tests read from {@code ../shared/data} (beside the checkout; the
 * build passes its location as the {@code dlkit.shared.dir} system property).
 *
 * <p>On a developer's or user's machine a missing file skips the test, saying so. In continuous
 * integration (environment variable {@code CI=true}) the data must be there, so a missing file
 * fails the test instead of letting it pass unseen.
 */
public final class SharedData {
    private SharedData() {}

    /** The shared folder: {@code dlkit.shared.dir}, or {@code ../shared} when it is not set. */
    public static Path root() {
        return Path.of(System.getProperty("dlkit.shared.dir", "../shared"))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Returns {@code root()/relative} when it exists; otherwise skips the calling test (fails it
     * when {@code CI=true}) with a message that names the missing path.
     *
     * @param relative a path under the shared folder, e.g. {@code data/digits/mnist-10k}
     */
    public static Path require(String relative) {
        return require(root().resolve(relative));
    }

    /** Like {@link #require(String)} for a path already resolved against {@link #root()}. */
    public static Path require(Path path) {
        if (Files.exists(path)) {
            return path;
        }
        String message = "no " + path + ": the shared data set is missing";
        if (inCi()) {
            fail(message + " (CI=true: shared data must be present in CI)");
        }
        return abort("SKIPPED: " + message + "; put it there to run this test");
    }

    /** True when the environment variable {@code CI} is {@code true} (as CI sets it). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
