package io.dlkit.plugins.embeddings.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading labelled sentences and splitting them. */
class SentimentExamplesTest {
    @TempDir Path dir;

    @Test
    void should_read_the_uci_files_skipping_their_empty_entry() {
        Path imdb = SharedData.require("data/text/sentiment/imdb.json");
        SentimentExamples e = SentimentExamples.read(List.of(imdb));
        // 1001 entries, one {"text": "", "class": null}; balanced
        assertThat(e.size()).isEqualTo(1000);
        assertThat(java.util.Arrays.stream(e.labels()).sum()).isEqualTo(500);
        assertThat(e.texts().get(0)).startsWith("A very, very, very slow-moving, aimless movie");
        assertThat(e.labels()[0]).isZero();
    }

    @Test
    void should_split_disjointly_and_the_same_way_for_the_same_seed() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++)
            rows.add("{\"text\": \"s" + i + "\", \"class\": " + i % 2 + "}");
        Files.writeString(dir.resolve("d.json"), "[" + String.join(",", rows) + "]");
        SentimentExamples all = SentimentExamples.read(List.of(dir.resolve("d.json")));

        SentimentExamples[] a = all.split(0.3, 5);
        SentimentExamples[] b = all.split(0.3, 5);

        assertThat(a[0].size()).isEqualTo(7);
        assertThat(a[1].size()).isEqualTo(3);
        assertThat(a[1].texts()).isEqualTo(b[1].texts());
        Set<String> union = new HashSet<>(a[0].texts());
        union.addAll(a[1].texts());
        assertThat(union).hasSize(10);
        for (int i = 0; i < 3; i++) {
            int n = Integer.parseInt(a[1].texts().get(i).substring(1));
            assertThat(a[1].labels()[i]).isEqualTo(n % 2);
        }
    }

    @Test
    void should_reject_a_class_other_than_0_or_1_naming_the_entry() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "[{\"text\": \"ok\", \"class\": 2}]");
        assertThatThrownBy(() -> SentimentExamples.read(List.of(dir.resolve("bad.json"))))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "--data "
                                + dir.resolve("bad.json")
                                + ": [0].class: must be 0 or 1, got 2; give [{\"text\": ..., \"class\":"
                                + " 0|1}]");
    }
}
