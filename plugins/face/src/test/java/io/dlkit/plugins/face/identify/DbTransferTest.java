package io.dlkit.plugins.face.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbTransferTest {
    @TempDir Path tmp;

    @Test
    void should_read_back_exactly_what_it_wrote() {
        float[] d = {0.1f, -1f / 3, 1e-7f, 12345.678f};
        FaceDatabase.Entry e =
                new FaceDatabase.Entry(
                        "alice", "m1", d, "abc", "1.5,2.0,30.25,40.0", "2026-12-06T04:30:00Z");
        Path file = tmp.resolve("faces.json");

        DbTransfer.write(file, "m1", List.of(e));
        List<FaceDatabase.Entry> back = DbTransfer.read(file);

        assertThat(back).hasSize(1);
        assertThat(back.get(0).descriptor()).containsExactly(d);
        assertThat(back.get(0))
                .extracting(
                        FaceDatabase.Entry::name,
                        FaceDatabase.Entry::model,
                        FaceDatabase.Entry::imageSha256,
                        FaceDatabase.Entry::box,
                        FaceDatabase.Entry::added)
                .containsExactly(
                        "alice", "m1", "abc", "1.5,2.0,30.25,40.0", "2026-12-06T04:30:00Z");
    }

    @Test
    void should_skip_entries_already_in_the_database_on_a_second_import() {
        FaceDatabase.Entry e =
                new FaceDatabase.Entry("bob", "m1", new float[] {1, 2, 3, 4}, "x", "", "t");
        try (FaceDatabase db = FaceDatabase.open(tmp.resolve("f.db"))) {
            assertThat(db.insert(List.of(e), true)).isEqualTo(1);
            assertThat(db.insert(List.of(e), true)).isZero();
            assertThat(db.entries()).hasSize(1);
        }
    }

    @Test
    void should_name_a_file_that_is_not_an_export() throws Exception {
        Path file = tmp.resolve("other.json");
        Files.writeString(file, "{\"faces\": []}");

        assertThatThrownBy(() -> DbTransfer.read(file))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        file
                                + ": no \"format\": \"dlkit-face-db\"; is it from 'dlkit face db"
                                + " export'?");
    }
}
