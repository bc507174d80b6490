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
 * pass, read back by {@code --resume}, deleted once the vectors are written.
 */
final class FileCheckpoints implements Checkpoints {
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
