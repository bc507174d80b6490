package io.dlkit.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarGzTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ustar", "pax", "gnu"})
    void should_extract_chosen_entries_with_long_paths_in_every_tar_format(String format)
            throws Exception {
        // given: a 129-character folder path (beyond the 100-character name field of a tar header)
        String deep = "package/" + "a".repeat(60) + "/" + "b".repeat(60);
        Path src = Files.createDirectories(dir.resolve("src").resolve(deep));
        Files.write(src.resolve("w.bin"), new byte[1300]);
        Files.writeString(src.resolve("other.txt"), "skip me");
        Path tgz = dir.resolve("p.tgz");
        Process tar =
                new ProcessBuilder(
                                "tar",
                                "--format=" + format,
                                "-czf",
                                tgz.toString(),
                                "-C",
                                dir.resolve("src").toString(),
                                "package")
                        .start();
        assertThat(tar.waitFor()).isZero();
        Path out = dir.resolve("w.bin");

        // when
        var found = TarGz.extract(tgz, Map.of(deep + "/w.bin", out));

        // then
        assertThat(found).containsExactly(deep + "/w.bin");
        assertThat(Files.size(out)).isEqualTo(1300);
    }
}
