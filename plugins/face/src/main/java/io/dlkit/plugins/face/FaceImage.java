package io.dlkit.plugins.face;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.plugins.face.jpeg.BaselineJpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.types.TFloat32;

/**
 * An RGB picture as face-api sees it: {@code [h, w, 3]} values 0-255 (whole numbers, as a decoded
 * JPEG gives them), with face-api's two pre-processing steps that happen outside its networks:
 * cutting a box out ({@code extractFaceTensors}) and padding to a square ({@code padToSquare}).
 *
 * @param rgb the values, row-major, 3 per pixel
 * @param height rows
 * @param width columns
 */
public record FaceImage(float[] rgb, int height, int width) {
    /**
     * Reads an image file as face-api's node reference did: a baseline JPEG with jpeg-js's own
     * decoding ({@link BaselineJpeg}), anything else with javax.imageio.
     *
     * @throws io.dlkit.backend.io.DataFormatException if it is not an image, or a broken one
     * @throws IOException if it cannot be read
     */
    public static FaceImage read(Path path) throws IOException {
        FaceImage jpeg = BaselineJpeg.decode(Files.readAllBytes(path), path.toString());
        return jpeg != null ? jpeg : of(Images.read(path));
    }

    /** An image read with the backend (values 0-1, any channel count) as 0-255 RGB. */
    public static FaceImage of(Image image) {
        Image rgbImage = Images.convert(image, 3);
        float[] v = rgbImage.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(v[i] * 255f);
        }
        return new FaceImage(v, rgbImage.height(), rgbImage.width());
    }

    /** The pixels back as a backend image (values 0-1), e.g. for drawing. */
    public Image toImage() {
        float[] v = rgb.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] /= 255f;
        }
        return new Image(v, height, width, 3);
    }

    /**
     * The sub-image at {@code (x, y)} of {@code w x h}, which must lie inside this image: TF.js
     * {@code slice3d(img, [y, x, 0], [h, w, 3])}.
     */
    public FaceImage crop(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > width || y + h > height) {
            throw new IllegalArgumentException(
                    "crop "
                            + w
                            + "x"
                            + h
                            + " at ("
                            + x
                            + ", "
                            + y
                            + ") is outside the "
                            + width
                            + "x"
                            + height
                            + " image");
        }
        float[] out = new float[w * h * 3];
        for (int r = 0; r < h; r++) {
            System.arraycopy(rgb, ((y + r) * width + x) * 3, out, r * w * 3, w * 3);
        }
        return new FaceImage(out, h, w);
    }

    /**
     * face-api's {@code padToSquare}: zeros added to the shorter side. Centred, {@code round(diff /
     * 2)} rows or columns go after the image and the rest before; otherwise all of {@code diff}
     * goes after.
     */
    public FaceImage padToSquare(boolean centered) {
        if (height == width) {
            return this;
        }
        int diff = Math.abs(height - width);
        int after = (int) Math.round(diff * (centered ? 0.5 : 1.0));
        int before = diff - after;
        int size = Math.max(height, width);
        int offX = width < height ? before : 0;
        int offY = height < width ? before : 0;
        float[] out = new float[size * size * 3];
        for (int r = 0; r < height; r++) {
            System.arraycopy(rgb, r * width * 3, out, ((r + offY) * size + offX) * 3, width * 3);
        }
        return new FaceImage(out, size, size);
    }

    /** A {@code [1, h, w, 3]} tensor; the caller closes it. */
    public TFloat32 toTensor() {
        return Tensors.floats(rgb, 1, height, width, 3);
    }
}
