package io.dlkit.backend.train;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * Restores one checkpoint folder and turns every way it can be damaged into a {@link
 * DamagedCheckpointException} that names the file: missing or empty variable files, a
 * state.properties that is not one dlkit wrote, TensorFlow's own errors on truncated data, and
 * shapes that differ from the model's (an edited model.yaml).
 */
final class CheckpointFiles {
    static final String PREFIX = "variables";
    static final String STATE = "state.properties";
    private static final String INDEX = PREFIX + ".index";
    private static final String RECOVER =
            "; the checkpoint cannot be restored: copy the model directory back from a backup,"
                    + " or train it again with --overwrite";
    private static final Pattern SHAPES =
            Pattern.compile("lhs shape= (\\[[^\\]]*\\]) rhs shape= (\\[[^\\]]*\\])");

    private CheckpointFiles() {}

    /** Restores {@code session}'s variables from {@code dir} and returns the training state. */
    static TrainState restore(Path dir, Session session) {
        TrainState state = readState(dir.resolve(STATE));
        Path index = dir.resolve(INDEX);
        requireFile(index);
        Path data = dataFile(dir);
        try {
            session.restore(dir.resolve(PREFIX).toString());
        } catch (TensorFlowException | TFInvalidArgumentException e) {
            throw translate(e, dir, index, data);
        }
        return state;
    }

    private static TrainState readState(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            TrainState s = TrainState.load(r);
            if (s.epoch() < 0 || s.batch() < 0 || s.step() < 0) {
                throw new IllegalArgumentException("negative epoch, batch or step");
            }
            return s;
        } catch (IOException | RuntimeException e) {
            throw damaged(file, "not a training state dlkit wrote (" + reason(e) + ")", e);
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) throw damaged(file, "missing", null);
        try {
            if (Files.size(file) == 0) throw damaged(file, "empty", null);
        } catch (IOException e) {
            throw damaged(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The (first) data shard: {@code variables.data-00000-of-00001}. */
    private static Path dataFile(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            Path data =
                    s.filter(p -> p.getFileName().toString().startsWith(PREFIX + ".data-"))
                            .sorted()
                            .findFirst()
                            .orElse(dir.resolve(PREFIX + ".data-00000-of-00001"));
            requireFile(data);
            return data;
        } catch (IOException e) {
            throw damaged(dir, "cannot list: " + e.getMessage(), e);
        }
    }

    private static DamagedCheckpointException translate(
            RuntimeException e, Path dir, Path index, Path data) {
        String m = String.valueOf(e.getMessage());
        Matcher shapes = SHAPES.matcher(m);
        if (shapes.find()) {
            Path modelDir = dir.getParent();
            return new DamagedCheckpointException(
                    modelDir.resolve("model.yaml")
                            + ": does not match "
                            + dir
                            + ": a variable of shape "
                            + shapes.group(1)
                            + " in the model has shape "
                            + shapes.group(2)
                            + " in the checkpoint; undo the edit to model.yaml, or train a new"
                            + " model with --overwrite",
                    e);
        }
        boolean indexAtFault = m.contains("sstable") || m.contains(INDEX) || m.contains("index");
        return damaged(indexAtFault ? index : data, "damaged (" + firstLine(m) + ")", e);
    }

    private static DamagedCheckpointException damaged(Path file, String what, Throwable cause) {
        return new DamagedCheckpointException(file + ": " + what + RECOVER, cause);
    }

    private static String reason(Throwable e) {
        // TrainState.load meets a missing key as a null property value
        if (e instanceof NullPointerException) return "a required entry is missing";
        return e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
