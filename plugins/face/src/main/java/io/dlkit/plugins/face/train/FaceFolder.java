package io.dlkit.plugins.face.train;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.command.FaceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Face images laid out as LFW lays them out, {@code DIR/<person>/*.jpg}: one folder per identity.
 * Every image is read once, cut to its face by a cropper (the whole image, or face-api's aligned
 * crop), resized to {@code side x side} and kept as bytes (0-255 RGB), so a whole LFW (13,233
 * images) at 96 x 96 takes 366 MB.
 *
 * @param names the identities (folder names), sorted
 * @param files each identity's image files in which a face was found, sorted
 * @param pixels each identity's images, {@code side * side * 3} bytes each, in file order
 * @param side the images' side
 */
public record FaceFolder(
        List<String> names, List<List<Path>> files, List<List<byte[]>> pixels, int side) {

    /**
     * Reads {@code dir}, cutting each image with {@code cropper} (null: the whole image; a cropper
     * returns null for an image without a face, which is then left out).
     */
    public static FaceFolder read(Path dir, int side, Function<FaceImage, FaceImage> cropper) {
        List<String> names = new ArrayList<>();
        List<List<Path>> files = new ArrayList<>();
        List<List<byte[]>> pixels = new ArrayList<>();
        for (Path person : peopleOf(dir)) {
            List<Path> images = new ArrayList<>();
            List<byte[]> faces = new ArrayList<>();
            for (Path f : FaceOptions.imageFiles(List.of(person))) {
                FaceImage img = FaceOptions.read(f);
                FaceImage face = cropper == null ? img : cropper.apply(img);
                if (face != null) {
                    images.add(f);
                    faces.add(toBytes(face, side));
                }
            }
            if (!faces.isEmpty()) {
                names.add(person.getFileName().toString());
                files.add(images);
                pixels.add(faces);
            }
        }
        if (names.size() < 2) {
            throw DlkitException.invalidInput(
                    dir + ": needs at least two identity folders with images (DIR/person/*.jpg)");
        }
        return new FaceFolder(List.copyOf(names), List.copyOf(files), List.copyOf(pixels), side);
    }

    /** The identity folders of {@code dir}, sorted. */
    public static List<Path> peopleOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw DlkitException.invalidInput(
                    dir + ": not a folder; --data takes a folder of person/*.jpg folders");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw DlkitException.invalidInput(dir + ": cannot list: " + e.getMessage());
        }
    }

    /** A face resized to {@code side x side}, as 0-255 bytes. */
    public static byte[] toBytes(FaceImage face, int side) {
        Image resized = Images.resize(face.toImage(), side, side);
        float[] v = resized.data();
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(v[i] * 255f)));
        }
        return out;
    }

    /** The number of identities. */
    public int identities() {
        return names.size();
    }

    /** The number of images. */
    public int images() {
        return pixels.stream().mapToInt(List::size).sum();
    }

    /** The identities with at least two images (those that can be anchors). */
    public int[] withPairs() {
        return java.util.stream.IntStream.range(0, names.size())
                .filter(i -> pixels.get(i).size() >= 2)
                .toArray();
    }
}
