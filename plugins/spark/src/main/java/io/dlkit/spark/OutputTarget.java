package io.dlkit.spark;

import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where {@code --output} goes, written atomically: every engine writes into a temporary folder
 * beside it ({@code OUT.tmp-UUID}), renamed to {@code OUT} once complete, so a reader never sees
 * half a result and a failed run leaves nothing. An existing {@code OUT} is refused unless {@code
 * --overwrite}. Paths go through Hadoop's file systems, so {@code hdfs://} outputs work as well.
 */
final class OutputTarget {
    private final Path target;
    private final FileSystem fs;

    private OutputTarget(Path target, FileSystem fs) {
        this.target = target;
        this.fs = fs;
    }

    /**
     * The output {@code output} (a path relative to {@code workDir}, or a URI).
     *
     * @throws DlkitException (exit 2) if it exists and {@code overwrite} is false
     */
    static OutputTarget of(String output, java.nio.file.Path workDir, boolean overwrite) {
        String uri =
                output.contains("://")
                        ? output
                        : workDir.toAbsolutePath().resolve(output).normalize().toUri().toString();
        try {
            Path p = new Path(uri);
            FileSystem fs = p.getFileSystem(new Configuration());
            if (fs.exists(p) && !overwrite) {
                throw DlkitException.invalidInput(
                        "batch: " + output + " already exists; use --overwrite to replace it");
            }
            return new OutputTarget(p, fs);
        } catch (IOException e) {
            throw DlkitException.invalidInput("batch: --output " + output + ": " + e.getMessage());
        }
    }

    /** The final location, as a URI string. */
    String uri() {
        return target.toString();
    }

    /** A new temporary folder's URI beside the target (not created). */
    String temporary() {
        return new Path(target.getParent(), target.getName() + ".tmp-" + UUID.randomUUID())
                .toString();
    }

    /** The JSON lines folder beside it: {@code OUT.jsonl} for {@code OUT.parquet}. */
    OutputTarget jsonLines() {
        String name = target.getName();
        String stem = name.endsWith(".parquet") ? name.substring(0, name.length() - 8) : name;
        return new OutputTarget(new Path(target.getParent(), stem + ".jsonl"), fs);
    }

    /** Moves the complete {@code temporary} folder to the target, replacing what was there. */
    void commit(String temporary) throws IOException {
        Path old = null;
        if (fs.exists(target)) {
            old = new Path(target.getParent(), target.getName() + ".old-" + UUID.randomUUID());
            if (!fs.rename(target, old)) throw new IOException("cannot move " + target + " aside");
        }
        if (!fs.rename(new Path(temporary), target)) {
            throw new IOException("cannot rename " + temporary + " to " + target);
        }
        if (old != null) fs.delete(old, true);
    }

    /** Removes a temporary folder after a failure. */
    void discard(String temporary) {
        try {
            fs.delete(new Path(temporary), true);
        } catch (IOException e) {
            // best effort: a leftover .tmp- folder is harmless and says what it is
        }
    }

    /** Whether the target exists. */
    boolean exists() throws IOException {
        return fs.exists(target);
    }
}
