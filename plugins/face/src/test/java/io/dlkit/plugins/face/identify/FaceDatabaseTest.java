package io.dlkit.plugins.face.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceDatabaseTest {
    @TempDir Path tmp;

    @Test
    void should_keep_enrolled_descriptors_bit_for_bit_across_reopening() {
        Path file = tmp.resolve("faces.db");
        float[] d = {0.1f, -0.25f, 3e-7f, Float.MIN_VALUE};
        try (FaceDatabase db = FaceDatabase.open(file)) {
            db.enroll("alice", "m1", List.of(d), "abc", List.of("1,2,3,4"));
        }
        try (FaceDatabase db = FaceDatabase.open(file)) {
            assertThat(db.entries()).hasSize(1);
            assertThat(db.entries().get(0).name()).isEqualTo("alice");
            assertThat(db.entries().get(0).descriptor()).containsExactly(d);
            assertThat(db.remove("alice")).isEqualTo(1);
            assertThat(db.entries()).isEmpty();
        }
    }

    @Test
    void should_refuse_descriptors_of_another_model_naming_both() {
        Path file = tmp.resolve("faces.db");
        try (FaceDatabase db = FaceDatabase.open(file)) {
            db.enroll("alice", "m1", List.of(new float[] {1}), "abc", List.of("b"));
            assertThatThrownBy(
                            () ->
                                    db.enroll(
                                            "bob",
                                            "m2",
                                            List.of(new float[] {1}),
                                            "x",
                                            List.of("b")))
                    .isInstanceOf(DlkitException.class)
                    .hasMessageContaining("holds descriptors of model m1, not of m2");
            assertThat(db.entries()).hasSize(1);
        }
    }

    @Test
    void should_say_in_one_line_that_a_file_is_not_a_database() throws Exception {
        Path file = tmp.resolve("notes.db");
        Files.writeString(
                file, "these are not the droids you are looking for, not a database\n".repeat(20));
        assertThatThrownBy(() -> FaceDatabase.open(file))
                .isInstanceOf(DlkitException.class)
                .hasMessageStartingWith(file + ": not a usable face database")
                .hasMessageNotContaining("\n");
    }

    @Test
    void should_name_the_nearest_within_the_threshold_else_unknown() {
        List<FaceDatabase.Entry> e =
                List.of(
                        new FaceDatabase.Entry("a", "m", new float[] {0, 0, 0, 0}, ""),
                        new FaceDatabase.Entry("b", "m", new float[] {3, 4, 0, 0}, ""));
        Identifier id = new Identifier(e);
        assertThat(id.identify(new float[] {3, 3.5f, 0, 0}, 0.6))
                .isEqualTo(new Identifier.Match("b", 0.5));
        Identifier.Match far = id.identify(new float[] {1.5f, 2, 0, 0}, 0.6);
        assertThat(far.name()).isEqualTo("unknown");
        assertThat(far.distance()).isEqualTo(2.5);
    }

    @Test
    void should_find_the_exact_match_among_100000_descriptors() {
        Random r = new Random(1);
        List<FaceDatabase.Entry> e = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            float[] d = new float[128];
            for (int k = 0; k < 128; k++) d[k] = (float) r.nextGaussian() * 0.1f;
            e.add(new FaceDatabase.Entry("p" + i, "m", d, ""));
        }
        Identifier id = new Identifier(e);
        float[] query = e.get(77_777).descriptor().clone();
        Identifier.Match m = null;
        long ms = Long.MAX_VALUE;
        for (int run = 0; run < 7; run++) { // the first runs warm the JIT up; take the best
            long t0 = System.nanoTime();
            m = id.identify(query, 0.6);
            ms = Math.min(ms, (System.nanoTime() - t0) / 1_000_000);
        }
        System.out.println("identify over 100000 descriptors: " + ms + " ms");
        assertThat(m).isEqualTo(new Identifier.Match("p77777", 0.0));
        // speed is a benchmark figure (printed above), not a pass/fail condition on a shared machine
    }
}
