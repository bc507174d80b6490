package io.dlkit.plugins.face.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.plugins.face.FaceImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BaselineJpegTest {
    @Test
    void should_turn_a_dc_only_block_into_a_flat_block_as_jpeg_js_rounds_it() {
        // DC 8 with quantiser 1: rows (5793 * 8 + 512) >> 10 = 45, columns (5793 * 45 + 8192) >> 14
        // = 16, sample 128 + ((16 + 8) >> 4) = 129; the exact IDCT gives 128 + 8 / 8 = 129 too.
        int[] zz = new int[64];
        zz[0] = 8;
        int[] qt = new int[64];
        Arrays.fill(qt, 1);
        int[] out = new int[64];
        JsIdct.inverse(zz, qt, new int[64], out, 0, 8);
        assertThat(out).containsOnly(129);
    }

    @Test
    void should_decode_a_flat_colour_jpeg_to_the_same_pixels_as_imageio() throws Exception {
        BufferedImage img = new BufferedImage(37, 21, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 21; y++) {
            for (int x = 0; x < 37; x++) {
                img.setRGB(x, y, 0x808080);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", bytes);
        FaceImage decoded = BaselineJpeg.decode(bytes.toByteArray(), "flat.jpg");
        assertThat(decoded.width()).isEqualTo(37);
        assertThat(decoded.height()).isEqualTo(21);
        BufferedImage ref = ImageIO.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        int refGrey = ref.getRGB(5, 5) & 0xff;
        for (float v : decoded.rgb()) {
            assertThat(v).isEqualTo((float) refGrey);
        }
    }

    @Test
    void should_leave_non_jpeg_files_to_imageio() {
        assertThat(BaselineJpeg.decode(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "x.png")).isNull();
    }

    @Test
    void should_name_the_file_of_a_truncated_jpeg() throws Exception {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | (x ^ y));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", bytes);
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        assertThatThrownBy(() -> BaselineJpeg.decode(cut, "cut.jpg"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("cut.jpg: corrupt JPEG");
    }
}
