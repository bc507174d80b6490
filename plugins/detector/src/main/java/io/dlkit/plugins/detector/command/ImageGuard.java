package io.dlkit.plugins.detector.command;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.DataFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image for detection after checking its header: a file whose stated size exceeds {@link
 * #MAX_PIXELS} (a decompression bomb, or just a huge scan) is refused before any pixel is decoded,
 * so memory stays bounded whatever a folder holds.
 */
final class ImageGuard {
    /** 40 megapixels: a large camera photo, 480 MB as float RGB. */
    static final long MAX_PIXELS = 40_000_000L;

    private ImageGuard() {}

    /**
     * The RGB image in {@code file}.
     *
     * @throws DataFormatException if it is not a readable image or is too large
     */
    static Image read(Path file) throws IOException {
        checkSize(file);
        return Images.read(file, 3);
    }

    /**
     * The RGB image in the bytes of an image file named {@code source}, checked as {@link
     * #read(Path)} checks a file (for {@code dlkit batch detect}).
     *
     * @throws DataFormatException if it is not a readable image or is too large
     */
    static Image read(byte[] bytes, String source) throws IOException {
        try (ImageInputStream in =
                ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
            checkSize(in, source);
        }
        return Images.convert(Images.decode(bytes, source), 3);
    }

    private static void checkSize(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            checkSize(in, file.toString());
        }
    }

    private static void checkSize(ImageInputStream in, String file) throws IOException {
        if (in == null) return;
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) return;
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAX_PIXELS) {
                throw new DataFormatException(
                        file
                                + ": "
                                + reader.getWidth(0)
                                + "x"
                                + reader.getHeight(0)
                                + " pixels is over the "
                                + MAX_PIXELS / 1_000_000
                                + "-megapixel limit; downscale it first");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFormatException d) throw d;
            // A header ImageIO cannot read: let the decoder report it.
        } finally {
            reader.dispose();
        }
    }
}
