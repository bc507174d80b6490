package io.dlkit.plugins.face.jpeg;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.plugins.face.FaceImage;

/**
 * A baseline JPEG decoder that gives the very pixels jpeg-js gives (the decoder face-api's node
 * reference used), so that the nets see what face-api saw. Three things set the pixels, beyond the
 * Huffman decoding every decoder agrees on:
 *
 * <ul>
 *   <li>the IDCT is {@link JsIdct}, poppler's integer Loeffler-Ligtenberg-Moschytz one;
 *   <li>subsampled chroma is repeated, not interpolated: output pixel {@code x} takes sample {@code
 *       floor(x * h / maxH)};
 *   <li>YCbCr to RGB is {@code R = Y + 1.402 (Cr - 128)}, {@code G = Y - 0.3441363 (Cb - 128) -
 *       0.71413636 (Cr - 128)}, {@code B = Y + 1.772 (Cb - 128)} in doubles, clamped to 0-255 and
 *       truncated.
 * </ul>
 *
 * Only baseline and extended sequential Huffman JPEGs with one interleaved scan and 1 or 3
 * components are decoded; for anything else {@link #decode} returns null and the caller falls back
 * to javax.imageio (whose libjpeg pixels differ from jpeg-js by about half a level on average).
 */
public final class BaselineJpeg {
    private BaselineJpeg() {}

    /**
     * The RGB pixels of a baseline JPEG, or null when the file is another kind of JPEG.
     *
     * @throws DataFormatException if the file is a baseline JPEG but broken
     */
    public static FaceImage decode(byte[] data, String source) {
        if (data.length < 4 || (data[0] & 0xff) != 0xFF || (data[1] & 0xff) != 0xD8) {
            return null;
        }
        try {
            JpegFrame frame = JpegFrame.parse(data);
            if (frame == null) {
                return null;
            }
            return toRgb(frame);
        } catch (ArrayIndexOutOfBoundsException | IllegalStateException e) {
            throw new DataFormatException(source + ": corrupt JPEG (" + e.getMessage() + ")");
        }
    }

    private static FaceImage toRgb(JpegFrame f) {
        int w = f.width;
        int h = f.height;
        float[] rgb = new float[w * h * 3];
        int[][] planes = new int[f.components][];
        int[] stride = new int[f.components];
        for (int c = 0; c < f.components; c++) {
            planes[c] = f.samples(c);
            stride[c] = f.blocksPerLine(c) * 8;
        }
        int o = 0;
        for (int y = 0; y < h; y++) {
            int[] row = new int[f.components];
            for (int c = 0; c < f.components; c++) {
                row[c] = (int) (y * ((double) f.v[c] / f.maxV)) * stride[c];
            }
            for (int x = 0; x < w; x++) {
                int yy = sample(f, planes, row, 0, x);
                if (f.components == 1) {
                    rgb[o++] = yy;
                    rgb[o++] = yy;
                    rgb[o++] = yy;
                    continue;
                }
                int cb = sample(f, planes, row, 1, x);
                int cr = sample(f, planes, row, 2, x);
                rgb[o++] = clamp(yy + 1.402 * (cr - 128));
                rgb[o++] = clamp(yy - 0.3441363 * (cb - 128) - 0.71413636 * (cr - 128));
                rgb[o++] = clamp(yy + 1.772 * (cb - 128));
            }
        }
        return new FaceImage(rgb, h, w);
    }

    private static int sample(JpegFrame f, int[][] planes, int[] row, int c, int x) {
        return planes[c][row[c] + (int) (x * ((double) f.h[c] / f.maxH))];
    }

    private static int clamp(double v) {
        return (int) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
}
