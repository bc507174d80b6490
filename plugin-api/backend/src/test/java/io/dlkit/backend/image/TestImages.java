package io.dlkit.backend.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes test images with javax.imageio from known raster samples. */
final class TestImages {
    private TestImages() {}

    /** An image of a built-in type (TYPE_BYTE_GRAY, TYPE_3BYTE_BGR, ...) holding these samples. */
    static BufferedImage of(int type, int width, int height, int[] samples) {
        BufferedImage bi = new BufferedImage(width, height, type);
        bi.getRaster().setPixels(0, 0, width, height, samples);
        return bi;
    }

    /**
     * An image with a custom raster: grey or sRGB, with or without alpha, 8 or 16 bits per sample.
     * Built-in BufferedImage types cannot express grey+alpha or 16-bit RGB.
     */
    static BufferedImage custom(
            boolean rgb, boolean alpha, boolean sixteenBit, int width, int height, int[] samples) {
        ColorSpace cs = ColorSpace.getInstance(rgb ? ColorSpace.CS_sRGB : ColorSpace.CS_GRAY);
        int type = sixteenBit ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE;
        ComponentColorModel cm =
                new ComponentColorModel(
                        cs,
                        alpha,
                        false,
                        alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                        type);
        int bands = (rgb ? 3 : 1) + (alpha ? 1 : 0);
        WritableRaster raster = Raster.createInterleavedRaster(type, width, height, bands, null);
        raster.setPixels(0, 0, width, height, samples);
        return new BufferedImage(cm, raster, false, null);
    }

    static Path write(BufferedImage image, String format, Path file) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IllegalStateException("no " + format + " writer for " + image);
        }
        return file;
    }

    /** {@code samples[i] / max} as floats, the values the reader must return. */
    static float[] scaled(int[] samples, float max) {
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i] / max;
        }
        return out;
    }
}
