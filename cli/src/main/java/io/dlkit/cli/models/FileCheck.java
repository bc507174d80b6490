package io.dlkit.cli.models;

import io.dlkit.cli.output.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The state of one cached file against its catalog size and SHA-256.
 *
 * @param file the cached file
 * @param spec what the catalog says
 * @param state the verdict
 * @param actualSize its size (-1 when missing)
 * @param actualSha256 its SHA-256 (empty when missing or when the size already differs)
 */
public record FileCheck(
        Path file, CatalogEntry.FileSpec spec, State state, long actualSize, String actualSha256) {

    /** A verdict. */
    public enum State {
        /** Size and SHA-256 match. */
        OK,
        /** Not in the cache. */
        MISSING,
        /** Another size: truncated or another file. */
        WRONG_SIZE,
        /** The right size but another SHA-256. */
        WRONG_SHA256
    }

    /** Checks {@code spec} in {@code folder}. */
    static FileCheck of(Path folder, CatalogEntry.FileSpec spec) {
        Path file = folder.resolve(spec.path());
        try {
            if (!Files.isRegularFile(file)) return new FileCheck(file, spec, State.MISSING, -1, "");
            long size = Files.size(file);
            if (size != spec.size()) return new FileCheck(file, spec, State.WRONG_SIZE, size, "");
            String sha = Hashes.sha256(file);
            return new FileCheck(
                    file,
                    spec,
                    sha.equalsIgnoreCase(spec.sha256()) ? State.OK : State.WRONG_SHA256,
                    size,
                    sha);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the file is there and intact. */
    public boolean ok() {
        return state == State.OK;
    }

    /** What is wrong, for a one-line message: "has 100 bytes, the catalog says 4030290". */
    String problem() {
        return switch (state) {
            case OK -> "is intact";
            case MISSING -> "is missing";
            case WRONG_SIZE ->
                    "has "
                            + actualSize
                            + " bytes, the catalog says "
                            + spec.size()
                            + " (truncated or replaced)";
            case WRONG_SHA256 ->
                    "has SHA-256 " + actualSha256 + ", the catalog says " + spec.sha256();
        };
    }
}
