package io.dlkit.plugins.face.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LFW's pairs.txt: the header's folds, same and different lines, LFW and plain file names. */
class PairsFileTest {
    @Test
    void should_read_lfw_pairs_with_their_folds(@TempDir Path dir) throws Exception {
        // given: LFW names for Ann, plain names for Bob
        for (String f : List.of("Ann/Ann_0001.jpg", "Ann/Ann_0002.jpg", "Bob/a.jpg", "Bob/b.jpg")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.write(dir.resolve(f), new byte[] {1});
        }
        Path pairs = dir.resolve("pairs.txt");
        Files.writeString(pairs, "2\t1\nAnn\t1\t2\nAnn\t1\tBob\t2\nBob\t1\t2\nBob\t1\tAnn\t2\n");
        // when
        List<PairsFile.Pair> p = PairsFile.read(pairs, dir, 10);
        // then: 2 folds of 1 same + 1 different
        assertThat(p).hasSize(4);
        assertThat(p.get(0))
                .isEqualTo(
                        new PairsFile.Pair(
                                dir.resolve("Ann/Ann_0001.jpg"),
                                dir.resolve("Ann/Ann_0002.jpg"),
                                true,
                                0));
        assertThat(p.get(1).b()).isEqualTo(dir.resolve("Bob/b.jpg"));
        assertThat(p.get(1).same()).isFalse();
        assertThat(p.stream().map(PairsFile.Pair::fold).toList()).containsExactly(0, 0, 1, 1);
    }

    @Test
    void should_name_the_line_of_a_missing_image(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("Ann"));
        Path pairs = dir.resolve("pairs.txt");
        Files.writeString(pairs, "Ann 1 2\n");
        assertThatThrownBy(() -> PairsFile.read(pairs, dir, 10))
                .isInstanceOf(DlkitException.class)
                .hasMessageStartingWith(pairs + ":1: no image 1 of 'Ann'");
    }
}
