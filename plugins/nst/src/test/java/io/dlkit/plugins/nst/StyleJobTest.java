package io.dlkit.plugins.nst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Image;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The small pieces of a run: sizing, file names, colours, the memory refusal, initialisation. */
class StyleJobTest {
    @Test
    void should_scale_the_content_so_that_its_longer_side_is_the_size() {
        Image chelseaLike = new Image(new float[300 * 451 * 3], 300, 451, 3);
        assertThat(StyleJob.fitted(chelseaLike, 96)).containsExactly(64, 96);
    }

    @Test
    void should_name_siblings_after_the_result() {
        assertThat(StyleJob.sibling(Path.of("out/cat.jpg"), "-costs"))
                .isEqualTo(Path.of("out/cat-costs.png"));
    }

    @Test
    void should_keep_the_generated_luminance_and_the_content_chroma() {
        float[] generated = {200, 50, 10};
        float[] content = {10, 120, 240};
        float[] out = ColorTransfer.preserveColors(generated, content);
        assertThat(ColorTransfer.luma(out, 0))
                .isCloseTo(ColorTransfer.luma(generated, 0), within(0.5f));
        // chroma of content: blue dominant stays blue dominant
        assertThat(out[2]).isGreaterThan(out[0]);
    }

    @Test
    void should_refuse_a_run_over_the_available_memory_with_an_estimate_and_a_size_that_fits() {
        long mib = 1024 * 1024;
        assertThatThrownBy(
                        () ->
                                MemoryCheck.check(
                                        400 * mib, OptionalLong.of(100 * mib), 600, 900, 900))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "--size 900 (900x600) needs about 400 MiB for the loss network's"
                                + " activations and their gradients, but 100 MiB are available;"
                                + " give --size 405 or less");
        MemoryCheck.check(100 * mib, OptionalLong.of(400 * mib), 600, 900, 900);
    }

    @Test
    void should_count_the_result_content_each_style_and_two_resizing_copies_as_float32() {
        // 1500 x 2000 x 3 floats x 4 bytes = 36,000,000 bytes per image; 4 + 2 styles = 6 images
        assertThat(MemoryCheck.imageBytes(1500, 2000, 2)).isEqualTo(216_000_000L);
        // 60000x39911 does not fit a Java array: refused whatever the machine has
        assertThatThrownBy(() -> MemoryCheck.checkImages(39911, 60000, 1, 60000))
                .isInstanceOf(DlkitException.class)
                .hasMessageStartingWith(
                        "--size 60000 (60000x39911) needs about 137023 MiB for the image and its"
                                + " copies at that size, but ");
    }

    @Test
    void should_initialise_as_the_notes_say() {
        float[] content = {100, 200, 0};
        float[] noise = StyleTransfer.initial("noise", content, 1);
        // 0.6 * uniform(-20, 20) + 0.4 * C, clipped: within 12 of 0.4 C
        for (int i = 0; i < 3; i++) {
            assertThat(noise[i])
                    .isBetween(Math.max(0, 0.4f * content[i] - 12), 0.4f * content[i] + 12);
        }
        assertThat(StyleTransfer.initial("content", content, 1)).containsExactly(content);
        assertThat(List.of(StyleTransfer.initial("random", content, 1)[0]))
                .allMatch(v -> v >= 0 && v <= 255);
    }
}
