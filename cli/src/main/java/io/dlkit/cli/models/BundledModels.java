package io.dlkit.cli.models;

import io.dlkit.api.DlkitException;
import java.nio.file.Path;

/**
 * Models that ship inside the distribution (catalog source {@code bundled:FOLDER}, a folder
 * relative to the distribution's home, {@code -Ddlkit.home}): never fetched, never removed, read in
 * place and checked against their SHA-256 before every load like the cached ones.
 */
final class BundledModels {
    static final String PREFIX = "bundled:";

    private BundledModels() {}

    /** Whether {@code e} ships with dlkit. */
    static boolean isBundled(CatalogEntry e) {
        return e.source().startsWith(PREFIX);
    }

    /** The folder holding {@code e}'s files inside the distribution. */
    static Path folder(CatalogEntry e) {
        String home = System.getProperty("dlkit.home", ".");
        return Path.of(home).resolve(e.source().substring(PREFIX.length())).toAbsolutePath();
    }

    /** The error for a bundled file that is missing or damaged: the distribution is broken. */
    static DlkitException broken(CatalogEntry e, FileCheck c) {
        return DlkitException.invalidInput(
                e.name()
                        + ": the bundled file "
                        + c.file()
                        + " "
                        + c.problem()
                        + "; reinstall dlkit (or rebuild it: mvn -B install)");
    }
}
