package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.tests.DlkitProcess.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code dlkit edges} through the packaged CLI. */
class EdgesIT {
    @TempDir Path dir;

    /** A 10x8 grey PNG: 200 in columns 0..4, 40 in columns 5..9. */
    private Path stepPng() throws IOException {
        BufferedImage img = new BufferedImage(10, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 10; x++) {
                img.getRaster().setSample(x, y, 0, x < 5 ? 200 : 40);
            }
        }
        Path file = dir.resolve("step.png");
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"vertical", "sobel", "scharr"})
    void should_write_white_at_the_step_columns_and_black_elsewhere(String filter)
            throws IOException {
        // given: output column x sees input columns x-1..x+1 (the border mirrored), so only
        // columns 4 and 5 straddle the step; there the response is (200-40)/255 times 3, 4 or 16,
        // the image's maximum, which becomes 255
        Path png = stepPng();

        // when
        Result r =
                DlkitProcess.runIn(
                        dir,
                        Map.of(),
                        "-q",
                        "--format",
                        "json",
                        "edges",
                        png.toString(),
                        "--filter",
                        filter,
                        "--out",
                        "e.png");

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("filter").asText()).isEqualTo(filter);
        assertThat(json.get("out").asText()).isEqualTo(dir.resolve("e.png").toString());
        BufferedImage out = ImageIO.read(dir.resolve("e.png").toFile());
        assertThat(out.getWidth()).isEqualTo(10);
        assertThat(out.getHeight()).isEqualTo(8);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 10; x++) {
                assertThat(out.getRaster().getSample(x, y, 0))
                        .as("row %d column %d", y, x)
                        .isEqualTo(x == 4 || x == 5 ? 255 : 0);
            }
        }
    }

    @Test
    void should_find_no_vertical_response_for_the_horizontal_filter() throws IOException {
        // when
        Result r =
                DlkitProcess.runIn(
                        dir,
                        Map.of(),
                        "-q",
                        "edges",
                        stepPng().toString(),
                        "--filter",
                        "horizontal");

        // then: the default name is IMG's name + -edges.png in the working directory
        assertThat(r.exitCode()).as(r.toString()).isZero();
        BufferedImage out = ImageIO.read(dir.resolve("step-edges.png").toFile());
        for (int x = 0; x < 10; x++) {
            assertThat(out.getRaster().getSample(x, 3, 0)).isZero();
        }
    }

    @Test
    void should_not_replace_an_existing_file_without_overwrite() throws IOException {
        // given
        Path png = stepPng();
        Path existing = Files.writeString(dir.resolve("e.png"), "mine");

        // when
        Result refused =
                DlkitProcess.runIn(dir, Map.of(), "-q", "edges", png.toString(), "--out", "e.png");
        Result replaced =
                DlkitProcess.runIn(
                        dir,
                        Map.of(),
                        "-q",
                        "--overwrite",
                        "edges",
                        png.toString(),
                        "--out",
                        "e.png");

        // then
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .contains(
                        "error: "
                                + existing
                                + " already exists; pass --overwrite to replace it or choose"
                                + " another path");
        assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
        assertThat(ImageIO.read(existing.toFile()).getWidth()).isEqualTo(10);
    }

    @Test
    void should_reject_an_unknown_filter_with_the_known_ones_and_exit_2() throws IOException {
        // when
        Result r =
                DlkitProcess.runIn(
                        dir, Map.of(), "edges", stepPng().toString(), "--filter", "canny");

        // then
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        "error: unknown edge filter 'canny'; choose one of vertical, horizontal,"
                                + " sobel, scharr");
        assertThat(dir.resolve("step-edges.png")).doesNotExist();
    }
}
