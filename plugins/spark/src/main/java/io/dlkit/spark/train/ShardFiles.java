package io.dlkit.spark.train;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The workers' shards on the driver's disk, one uncompressed .npz each ({@code RUN-shard-W.npz}),
 * in a temporary folder deleted after the run: what Spark ships to the executors.
 */
final class ShardFiles {
    private ShardFiles() {}

    /** A new temporary folder for a run's shards. */
    static Path tempDir() {
        try {
            return Files.createTempDirectory("dlkit-shards");
        } catch (IOException e) {
            throw DlkitException.failed(
                    "cannot create a folder for the training shards in "
                            + System.getProperty("java.io.tmpdir")
                            + ": "
                            + e.getMessage()
                            + "; free some space or set -Djava.io.tmpdir",
                    e);
        }
    }

    /** Writes every shard into {@code dir}; returns the names {@code ship} gives each file. */
    static List<String> write(
            Path dir,
            String runId,
            List<Map<String, NdArray>> shards,
            Function<Path, String> ship) {
        List<String> names = new ArrayList<>();
        List<String> paths = paths(dir, runId, shards.size());
        for (int w = 0; w < shards.size(); w++) {
            Path file = Path.of(paths.get(w));
            try {
                Npz.write(file, shards.get(w));
            } catch (IOException e) {
                throw DlkitException.failed(
                        "cannot write the training shard " + file + ": " + e.getMessage(), e);
            }
            names.add(ship.apply(file));
        }
        return names;
    }

    /** The shard files' paths. */
    static List<String> paths(Path dir, String runId, int workers) {
        List<String> paths = new ArrayList<>();
        for (int w = 0; w < workers; w++)
            paths.add(dir.resolve(runId + "-shard-" + w + ".npz").toString());
        return paths;
    }

    /** Deletes {@code dir} and its files (quietly: a leftover temporary file is no failure). */
    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // left for the system's temporary-file cleaning
        }
    }
}
