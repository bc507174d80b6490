package io.dlkit.backend.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.tensorflow.Session;

/**
 * Saves and restores a model directory's {@code checkpoint/}: every variable (weights, optimizer
 * slots, batch-norm statistics, dropout seed counters) plus the {@link TrainState}. A checkpoint is
 * written to a temporary folder and renamed into place, so a killed process leaves the last
 * complete checkpoint.
 */
public final class Checkpoints {
    private static final String PREFIX = CheckpointFiles.PREFIX;
    private static final String STATE = CheckpointFiles.STATE;

    private final Path modelDir;

    /** Checkpoints of the model directory {@code modelDir}. */
    public Checkpoints(Path modelDir) {
        this.modelDir = modelDir;
    }

    /** The folder of the current checkpoint. */
    public Path dir() {
        return modelDir.resolve("checkpoint");
    }

    /** Writes a checkpoint of {@code session}'s variables and {@code state}. */
    public Path save(Session session, TrainState state) {
        Path tmp = modelDir.resolve(".checkpoint-" + System.nanoTime());
        Path old = modelDir.resolve(".checkpoint-old");
        try {
            Files.createDirectories(tmp);
            session.save(tmp.resolve(PREFIX).toString());
            try (Writer w = Files.newBufferedWriter(tmp.resolve(STATE), StandardCharsets.UTF_8)) {
                state.store(w);
            }
            // When a save died between the two renames, .checkpoint-old is the only complete
            // checkpoint: keep it until the new one is in place.
            if (Files.exists(dir())) {
                deleteTree(old);
                Files.move(dir(), old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, dir(), StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
            return dir();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write checkpoint in " + modelDir + ": " + e.getMessage(), e);
        }
    }

    /** Whether a complete checkpoint exists. */
    public boolean exists() {
        return current().isPresent();
    }

    /**
     * Restores the variables into {@code session} (whose graph was built the same way) and returns
     * the state.
     *
     * @throws DamagedCheckpointException if the model directory has no complete checkpoint, a
     *     checkpoint file is missing, truncated or garbled, or the graph's variable shapes differ
     *     from the checkpoint's; the message names the file and how to recover
     */
    public TrainState restore(Session session) {
        Path d =
                current()
                        .orElseThrow(
                                () ->
                                        new DamagedCheckpointException(
                                                dir().resolve(STATE)
                                                        + ": missing, so "
                                                        + modelDir
                                                        + " has no complete checkpoint; train"
                                                        + " without --resume (with --overwrite)"
                                                        + " to start again",
                                                null));
        return CheckpointFiles.restore(d, session);
    }

    private Optional<Path> current() {
        for (Path p : new Path[] {dir(), modelDir.resolve(".checkpoint-old")}) {
            if (Files.isRegularFile(p.resolve(STATE))) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
