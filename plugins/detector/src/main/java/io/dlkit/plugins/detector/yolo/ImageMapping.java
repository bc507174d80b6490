package io.dlkit.plugins.detector.yolo;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import java.util.Arrays;

/**
 * How an original image was fitted into the network input, and the way back for boxes. {@link
 * #stretch} resizes to the input size, changing the aspect ratio; {@link #letterbox} scales by one
 * factor so the whole image fits, centres it, and fills the rest with grey 0.5, as Darknet does
 * (with its integer sizes: the long side fills the input, the short side is {@code floor(short *
 * input / long)}, the offset {@code floor((input - size) / 2)}).
 *
 * @param scaleX input pixels per original pixel, horizontally
 * @param scaleY input pixels per original pixel, vertically
 * @param padX the left offset of the image inside the input, in input pixels
 * @param padY the top offset
 */
public record ImageMapping(
        int originalWidth,
        int originalHeight,
        int inputWidth,
        int inputHeight,
        float scaleX,
        float scaleY,
        int padX,
        int padY) {

    /** Resize to the input size (the aspect ratio may change). */
    public static ImageMapping stretch(int origW, int origH, int inW, int inH) {
        checkSizes(origW, origH, inW, inH);
        return new ImageMapping(
                origW, origH, inW, inH, (float) inW / origW, (float) inH / origH, 0, 0);
    }

    /** Scale to fit inside the input, keep the aspect ratio, centre, pad. */
    public static ImageMapping letterbox(int origW, int origH, int inW, int inH) {
        checkSizes(origW, origH, inW, inH);
        int newW;
        int newH;
        if ((float) inW / origW < (float) inH / origH) {
            newW = inW;
            newH = Math.max(1, (int) ((long) origH * inW / origW));
        } else {
            newH = inH;
            newW = Math.max(1, (int) ((long) origW * inH / origH));
        }
        return new ImageMapping(
                origW,
                origH,
                inW,
                inH,
                (float) newW / origW,
                (float) newH / origH,
                (inW - newW) / 2,
                (inH - newH) / 2);
    }

    /**
     * A box given as fractions of the network input, in pixels of the original image, clipped to
     * it.
     */
    public BoundingBox toOriginal(BoundingBox inputFraction) {
        BoundingBox b = inputFraction;
        return new BoundingBox(
                        (b.x1() * inputWidth - padX) / scaleX,
                        (b.y1() * inputHeight - padY) / scaleY,
                        (b.x2() * inputWidth - padX) / scaleX,
                        (b.y2() * inputHeight - padY) / scaleY)
                .clip(originalWidth, originalHeight);
    }

    /** A box in original pixels as fractions of the network input (the way labels go in). */
    public BoundingBox toInput(BoundingBox original) {
        BoundingBox b = original;
        return new BoundingBox(
                (b.x1() * scaleX + padX) / inputWidth,
                (b.y1() * scaleY + padY) / inputHeight,
                (b.x2() * scaleX + padX) / inputWidth,
                (b.y2() * scaleY + padY) / inputHeight);
    }

    /** The network input made from {@code original} (which must have this mapping's size). */
    public Image apply(Image original) {
        if (original.width() != originalWidth || original.height() != originalHeight) {
            throw new IllegalArgumentException(
                    "the mapping is for a "
                            + originalWidth
                            + "x"
                            + originalHeight
                            + " image, got "
                            + original.width()
                            + "x"
                            + original.height());
        }
        int newW = Math.round(originalWidth * scaleX);
        int newH = Math.round(originalHeight * scaleY);
        Image resized = Images.resize(original, newH, newW);
        if (newW == inputWidth && newH == inputHeight) {
            return resized;
        }
        return paste(resized, original.channels());
    }

    private Image paste(Image resized, int c) {
        float[] out = new float[inputWidth * inputHeight * c];
        Arrays.fill(out, 0.5f);
        float[] src = resized.data();
        int rowLen = resized.width() * c;
        for (int y = 0; y < resized.height(); y++) {
            System.arraycopy(src, y * rowLen, out, ((y + padY) * inputWidth + padX) * c, rowLen);
        }
        return new Image(out, inputHeight, inputWidth, c);
    }

    private static void checkSizes(int origW, int origH, int inW, int inH) {
        if (origW < 1 || origH < 1 || inW < 1 || inH < 1) {
            throw new IllegalArgumentException(
                    "image sizes must be >= 1, got original "
                            + origW
                            + "x"
                            + origH
                            + " and input "
                            + inW
                            + "x"
                            + inH);
        }
    }
}
