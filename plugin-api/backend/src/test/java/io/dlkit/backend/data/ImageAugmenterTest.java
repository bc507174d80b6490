package io.dlkit.backend.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Flip and crop against their definitions: with {@code in(y, x, c) = 1000 + 100 y + 10 x + c} every
 * pixel names its position, so an augmented image must be exactly the original mirrored ({@code
 * out(y, x) = in(y, W-1-x)}) and/or shifted ({@code out(y, x) = in(y+dy, x+dx)}, fill outside) for
 * one {@code dy, dx} in {@code -P..P}.
 */
class ImageAugmenterTest {
    private static final int H = 5;
    private static final int W = 6;
    private static final int C = 2;
    private static final int SIZE = H * W * C;
    private static final int ROWS = 64;

    @Test
    void should_mirror_about_half_the_images_exactly_and_leave_the_rest() {
        // given
        ImageAugmenter flip = builder().optFlip(true).build();
        float[] batch = batch(ROWS);

        // when
        flip.augment(batch, ROWS, 7L);

        // then
        int mirrored = 0;
        for (int r = 0; r < ROWS; r++) {
            float[] out = Arrays.copyOfRange(batch, r * SIZE, (r + 1) * SIZE);
            boolean same = Arrays.equals(out, shifted(false, 0, 0, 0f));
            boolean mirror = Arrays.equals(out, shifted(true, 0, 0, 0f));
            assertThat(same || mirror).as("image %d is the original or its mirror", r).isTrue();
            if (mirror) mirrored++;
        }
        // Binomial(64, 1/2): 32 +- 4; outside 16..48 has probability below 1e-4
        assertThat(mirrored).isBetween(16, 48);
    }

    @Test
    void should_shift_each_image_by_at_most_the_padding_and_fill_what_came_from_outside() {
        // given
        ImageAugmenter crop = builder().optCrop(2).optFill(-1f, -2f).build();
        float[] batch = batch(ROWS);

        // when
        crop.augment(batch, ROWS, 11L);

        // then
        Set<String> shifts = new HashSet<>();
        for (int r = 0; r < ROWS; r++) {
            float[] out = Arrays.copyOfRange(batch, r * SIZE, (r + 1) * SIZE);
            String found = null;
            for (int dy = -2; dy <= 2 && found == null; dy++) {
                for (int dx = -2; dx <= 2 && found == null; dx++) {
                    if (Arrays.equals(out, shifted(false, dy, dx, -1f))) found = dy + "," + dx;
                }
            }
            assertThat(found).as("image %d is a shift by dy, dx in -2..2", r).isNotNull();
            shifts.add(found);
        }
        // 64 draws from 25 equally likely shifts
        assertThat(shifts.size()).isGreaterThan(10);
    }

    @Test
    void should_crop_then_flip() {
        // given
        ImageAugmenter both = builder().optFlip(true).optCrop(1).build();
        float[] batch = batch(ROWS);

        // when
        both.augment(batch, ROWS, 3L);

        // then: out(y, x) = in(y + dy, W - 1 - x + dx) for flipped images
        boolean sawMirroredShift = false;
        for (int r = 0; r < ROWS; r++) {
            float[] out = Arrays.copyOfRange(batch, r * SIZE, (r + 1) * SIZE);
            boolean ok = false;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    ok |= Arrays.equals(out, shifted(false, dy, dx, 0f));
                    boolean m = Arrays.equals(out, shifted(true, dy, dx, 0f));
                    sawMirroredShift |= m && (dy != 0 || dx != 0);
                    ok |= m;
                }
            }
            assertThat(ok).as("image %d", r).isTrue();
        }
        assertThat(sawMirroredShift).isTrue();
    }

    @Test
    void should_give_the_same_batch_for_the_same_seed_and_another_for_another_seed() {
        ImageAugmenter a = builder().optFlip(true).optCrop(2).build();
        float[] first = batch(ROWS);
        float[] again = batch(ROWS);
        float[] other = batch(ROWS);

        a.augment(first, ROWS, BatchAugmenter.batchSeed(42, 3, 5));
        builder()
                .optFlip(true)
                .optCrop(2)
                .build()
                .augment(again, ROWS, BatchAugmenter.batchSeed(42, 3, 5));
        a.augment(other, ROWS, BatchAugmenter.batchSeed(42, 3, 6));

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(BatchAugmenter.batchSeed(42, 3, 5))
                .isNotEqualTo(BatchAugmenter.batchSeed(42, 5, 3))
                .isNotEqualTo(BatchAugmenter.batchSeed(43, 3, 5));
    }

    @Test
    void should_touch_only_the_rows_of_a_short_last_batch() {
        ImageAugmenter a = builder().optCrop(2).optFill(9f, 9f).build();
        float[] batch = batch(4);
        float[] before = batch.clone();

        a.augment(batch, 1, 1L);

        assertThat(Arrays.copyOfRange(batch, SIZE, 4 * SIZE))
                .containsExactly(Arrays.copyOfRange(before, SIZE, 4 * SIZE));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "flip,crop:4; flip,crop:4",
                "crop:4, flip; flip,crop:4",
                "FLIP; flip",
                "crop:0; none",
                "none; none"
            })
    void should_parse_a_spec_into_its_canonical_form(String spec, String canonical) {
        assertThat(ImageAugmenter.parse(spec).spec()).isEqualTo(canonical);
        assertThat(ImageAugmenter.parse(spec).setImageShape(8, 8, 1).build().spec())
                .isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {"rotate", "crop", "crop:-1", "crop:x", "flip,,crop:2"})
    void should_reject_an_unknown_or_malformed_item(String spec) {
        String item =
                Arrays.stream(spec.split(","))
                        .map(String::trim)
                        .filter(s -> !s.equals("flip") && !s.matches("crop:\\d+"))
                        .findFirst()
                        .orElseThrow();
        assertThatThrownBy(() -> ImageAugmenter.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "augmentation '"
                                + item
                                + "' is unknown; use flip, crop:P (shift by up to P pixels), both"
                                + " as flip,crop:4, or none");
    }

    @Test
    void should_reject_shapes_and_paddings_that_are_not_images() {
        assertThatThrownBy(() -> ImageAugmenter.parse("flip").setImageShape(784))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "flip and crop augment images of shape [height, width, channels], not"
                                + " [784]");
        assertThatThrownBy(() -> ImageAugmenter.parse("crop:5").setImageShape(5, 6, 1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crop:5 would shift a 5x6 image out of sight; use a padding below 5");
        assertThatThrownBy(() -> ImageAugmenter.parse("flip").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("setImageShape(height, width, channels) was not called");
    }

    private static ImageAugmenter.Builder builder() {
        return ImageAugmenter.builder().setImageShape(H, W, C);
    }

    private static float value(int y, int x, int c) {
        return 1000 + 100 * y + 10 * x + c;
    }

    private static float[] batch(int rows) {
        float[] b = new float[rows * SIZE];
        for (int r = 0; r < rows; r++)
            System.arraycopy(shifted(false, 0, 0, 0f), 0, b, r * SIZE, SIZE);
        return b;
    }

    /** The definition: {@code out(y, x) = in(y + dy, (mirror ? W-1-x : x) + dx)}, else fill. */
    private static float[] shifted(boolean mirror, int dy, int dx, float fill0) {
        float[] out = new float[SIZE];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int sy = y + dy;
                int sx = (mirror ? W - 1 - x : x) + dx;
                boolean inside = sy >= 0 && sy < H && sx >= 0 && sx < W;
                for (int c = 0; c < C; c++) {
                    out[(y * W + x) * C + c] =
                            inside ? value(sy, sx, c) : fill0 == 0f ? 0f : fill0 - c;
                }
            }
        }
        return out;
    }
}
