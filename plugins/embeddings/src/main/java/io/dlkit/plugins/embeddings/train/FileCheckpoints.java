package io.dlkit.plugins.embeddings.train;

import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.word2vec.Checkpoints;
import io.dlkit.plugins.embeddings.word2vec.TrainingState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training state kept in {@code OUT.state} beside the vectors: saved atomically after every
 * pass, read back by {@code --resume}, deleted once the vectors are written. For tests, the
 * environment variable {@code DLKIT_EMBED_STOP_AFTER_PASS=N} stops the run (exit 1) right after
 * pass N is saved, as if it had been killed there.
 */
final class FileCheckpoints implements Checkpoints {
    private static final String STOP_AFTER = "DLKIT_EMBED_STOP_AFTER_PASS";

    private final Path file;
    private final boolean resume;
    private final String fingerprint;
    private int saved;

    FileCheckpoints(Path out, boolean resume, String fingerprint) {
        this.file = out.resolveSibling(out.getFileName() + ".state");
        this.resume = resume;
        this.fingerprint = fingerprint;
    }

    /** The state file. */
    Path file() {
        return file;
    }

    /** Passes saved by this run. */
    int saved() {
        return saved;
    }

    @Override
    public TrainingState resume() {
        if (!resume) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw DlkitException.invalidInput(
                    "--resume: no saved state "
                            + file
                            + "; it is written after each pass of a run with the same --out");
        }
        try {
            return TrainingState.load(file);
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    "--resume: cannot read " + file + " (" + e.getMessage() + "); delete it");
        }
    }

    @Override
    public void save(TrainingState state) {
        try {
            state.save(file);
            saved++;
        } catch (IOException e) {
            throw DlkitException.failed(
                    "cannot save the training state " + file + ": " + e.getMessage(), e);
        }
        if (String.valueOf(state.passes()).equals(System.getenv(STOP_AFTER))) {
            throw DlkitException.failed(
                    "stopped after pass "
                            + state.passes()
                            + " as "
                            + STOP_AFTER
                            + " asks; go on with --resume (the state is in "
                            + file
                            + ")",
                    null);
        }
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** Removes the state once the vectors are safely written. */
    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
