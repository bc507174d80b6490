package io.dlkit.backend.image;

import io.dlkit.backend.io.DataFormatException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image bytes with javax.imageio into an {@link Image}, reading the raster's samples
 * directly so that 16-bit images keep their precision (value / 65535).
 */
final class ImageDecoding {
    /** 2^28 pixels (16384 x 16384): beyond that the float copy alone would not fit an array. */
    static final long MAX_PIXELS = 1L << 28;

    private ImageDecoding() {}

    static Image decode(byte[] bytes, String source) {
        if (bytes.length == 0) {
            throw fail(source, "the file is empty; expected a PNG or JPEG image");
        }
        // A memory cache, not ImageIO's default disk cache: no temp files, no global setting.
        try (ImageInputStream in =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in, source);
            try {
                return decode(reader, in, source);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new AssertionError("an in-memory stream does not fail to close", e);
        }
    }

    private static Image decode(ImageReader reader, ImageInputStream in, String source) {
        String format = formatName(reader).toUpperCase(Locale.ROOT);
        try {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1 || width * height > MAX_PIXELS) {
                throw fail(
                        source,
                        "the "
                                + format
                                + " image is "
                                + width
                                + "x"
                                + height
                                + " pixels (allowed: 1 to "
                                + MAX_PIXELS
                                + " pixels); re-export it");
            }
            return toImage(reader.read(0), source);
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw fail(
                    source,
                    "cannot decode the "
                            + format
                            + " image ("
                            + describe(e)
                            + "); the file is truncated or corrupt, re-export it");
        }
    }

    private static ImageReader readerFor(ImageInputStream in, String source) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            // WBMP has no magic number and claims many non-image files; never guess it.
            if (!formatName(reader).equalsIgnoreCase("wbmp")) {
                return reader;
            }
        }
        throw fail(
                source,
                "not an image javax.imageio can read (PNG, JPEG, BMP or GIF);"
                        + " check the path and that the file really is an image");
    }

    private static String formatName(ImageReader reader) {
        var provider = reader.getOriginatingProvider();
        return provider == null ? "image" : provider.getFormatNames()[0];
    }

    private static Image toImage(BufferedImage image, String source) {
        ColorModel cm = image.getColorModel();
        Raster r = image.getRaster();
        if (cm instanceof IndexColorModel palette) {
            return fromPalette(r, palette);
        }
        int space = cm.getColorSpace().getType();
        if (space != ColorSpace.TYPE_GRAY && space != ColorSpace.TYPE_RGB) {
            throw fail(
                    source,
                    "unsupported colour space (not grey or RGB, e.g. CMYK);"
                            + " convert the image to RGB first");
        }
        int bands = r.getNumBands();
        int[] samples = r.getPixels(0, 0, r.getWidth(), r.getHeight(), (int[]) null);
        float[] max = new float[bands];
        for (int b = 0; b < bands; b++) {
            max[b] = (float) ((1L << r.getSampleModel().getSampleSize(b)) - 1);
        }
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i] / max[i % bands];
        }
        return bands == 2
                ? greyAlphaToRgba(out, r.getHeight(), r.getWidth())
                : new Image(out, r.getHeight(), r.getWidth(), bands);
    }

    private static Image greyAlphaToRgba(float[] ga, int height, int width) {
        float[] out = new float[height * width * 4];
        for (int p = 0; p < height * width; p++) {
            out[4 * p] = out[4 * p + 1] = out[4 * p + 2] = ga[2 * p];
            out[4 * p + 3] = ga[2 * p + 1];
        }
        return new Image(out, height, width, 4);
    }

    private static Image fromPalette(Raster r, IndexColorModel palette) {
        int[] index = r.getSamples(0, 0, r.getWidth(), r.getHeight(), 0, (int[]) null);
        int channels = palette.hasAlpha() ? 4 : isGrey(palette) ? 1 : 3;
        float[] out = new float[index.length * channels];
        for (int p = 0; p < index.length; p++) {
            int argb = palette.getRGB(index[p]);
            int[] rgba = {(argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, argb >>> 24};
            for (int c = 0; c < channels; c++) {
                out[p * channels + c] = rgba[c] / 255f;
            }
        }
        return new Image(out, r.getHeight(), r.getWidth(), channels);
    }

    private static boolean isGrey(IndexColorModel palette) {
        for (int i = 0; i < palette.getMapSize(); i++) {
            int r = palette.getRed(i);
            if (r != palette.getGreen(i) || r != palette.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < 200; t = t.getCause()) {
            String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            s.append(s.length() == 0 ? "" : ": ").append(m.lines().findFirst().orElse(""));
        }
        return s.toString();
    }

    static DataFormatException fail(String source, String message) {
        return new DataFormatException(source + ": " + message);
    }
}
