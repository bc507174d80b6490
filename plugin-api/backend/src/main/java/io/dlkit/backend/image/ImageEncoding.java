package io.dlkit.backend.image;

import io.dlkit.backend.io.DataFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes an {@link Image} as 8-bit PNG or JPEG bytes with javax.imageio. */
final class ImageEncoding {
    static final float JPEG_QUALITY = 0.92f;

    private ImageEncoding() {}

    /** "png" or "jpeg" from the file name's extension, case-insensitive. */
    static String formatOf(String fileName, String source) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "png";
        } else if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "jpeg";
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "no extension" : "extension '" + fileName.substring(dot) + "'";
        throw new DataFormatException(
                source
                        + ": cannot write an image with "
                        + ext
                        + " (supported: .png, .jpg, .jpeg); choose one of those");
    }

    static byte[] encode(Image image, String format) {
        // JPEG has no alpha channel, so it is dropped (not composited).
        boolean alpha = image.channels() == 4 && format.equals("png");
        BufferedImage bi = toBufferedImage(image, alpha);
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(bi, null, null), param);
        } catch (IOException e) {
            throw new AssertionError("encoding into memory does not fail", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage toBufferedImage(Image image, boolean alpha) {
        int c = image.channels();
        int outC = c == 1 ? 1 : alpha ? 4 : 3;
        int type =
                outC == 1
                        ? BufferedImage.TYPE_BYTE_GRAY
                        : outC == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_4BYTE_ABGR;
        BufferedImage bi = new BufferedImage(image.width(), image.height(), type);
        float[] src = image.raw();
        int pixels = image.width() * image.height();
        int[] samples = new int[pixels * outC];
        for (int p = 0; p < pixels; p++) {
            for (int k = 0; k < outC; k++) {
                samples[p * outC + k] = to8Bit(src[p * c + k]);
            }
        }
        // Raster bands are in the colour model's order (R, G, B, A) whatever the memory layout.
        bi.getRaster().setPixels(0, 0, image.width(), image.height(), samples);
        return bi;
    }

    /** Clamps to [0, 1] (NaN becomes 0) and rounds to 0..255. */
    static int to8Bit(float v) {
        float clamped = v > 0 ? Math.min(v, 1f) : 0f;
        return Math.round(clamped * 255f);
    }
}
