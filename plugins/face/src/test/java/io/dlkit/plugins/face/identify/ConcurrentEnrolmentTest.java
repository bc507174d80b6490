package io.dlkit.plugins.face.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs enrolling into one database file at the same moment lose nothing. */
class ConcurrentEnrolmentTest {
    private static final int EACH = 300;

    @TempDir Path tmp;

    @Test
    void should_keep_every_descriptor_of_two_processes_enrolling_at_once() throws Exception {
        // given: two processes with the database open, waiting for the same signal
        Path db = tmp.resolve("faces.db");
        FaceDatabase.open(db).close();
        List<Process> writers = new ArrayList<>();
        for (String name : List.of("ann", "bo")) {
            writers.add(
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-cp",
                                    System.getProperty("java.class.path"),
                                    EnrollLoop.class.getName(),
                                    db.toString(),
                                    name,
                                    String.valueOf(EACH),
                                    tmp.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(tmp.resolve(name + ".log").toFile())
                            .start());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(tmp.resolve("ready-ann")) && Files.exists(tmp.resolve("ready-bo")))
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        // when: both start at once
        Files.createFile(tmp.resolve("go"));
        for (Process p : writers) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }

        // then: both succeeded, all 600 rows are there, and the two really interleaved
        for (String name : List.of("ann", "bo")) {
            assertThat(writers.get(name.equals("ann") ? 0 : 1).exitValue())
                    .as(Files.readString(tmp.resolve(name + ".log")))
                    .isZero();
        }
        List<FaceDatabase.Entry> rows;
        try (FaceDatabase faces = FaceDatabase.open(db)) {
            rows = faces.entries();
        }
        assertThat(rows).hasSize(2 * EACH);
        assertThat(rows.stream().filter(e -> e.name().equals("ann"))).hasSize(EACH);
        assertThat(rows.stream().filter(e -> e.name().equals("bo"))).hasSize(EACH);
        int switches = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (!rows.get(i).name().equals(rows.get(i - 1).name())) {
                switches++;
            }
        }
        assertThat(switches).as("times the writer changed in id order").isGreaterThan(1);
        for (int i = 0; i < EACH; i++) {
            final int k = i;
            assertThat(rows.stream().filter(e -> e.name().equals("bo") && e.descriptor()[0] == k))
                    .hasSize(1);
        }
    }
}
