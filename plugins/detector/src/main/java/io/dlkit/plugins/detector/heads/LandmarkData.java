package io.dlkit.plugins.detector.heads;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A landmark set on disk: {@code DIR/landmarks/NAME.txt} for each {@code DIR/images/NAME.png} (or
 * .jpg, .jpeg, .bmp). A label file holds one line {@code x1 y1 x2 y2 .. xk yk}, coordinates as
 * fractions of the image in [0, 1]; a landmark that is not visible is written {@code -1 -1}. Blank
 * lines and lines starting with {@code #} are skipped. Every file must give the same {@code k}; a
 * bad file is reported as {@code file:line}.
 *
 * @param images the image of each label file
 * @param points per image, {@code 2k} coordinates ({@code -1} where not visible)
 * @param landmarks {@code k}
 */
public record LandmarkData(List<Path> images, List<float[]> points, int landmarks) {
    private static final String[] EXTENSIONS = {".png", ".jpg", ".jpeg", ".bmp"};

    /**
     * Reads {@code dir/landmarks/*.txt} and finds their images.
     *
     * @throws DlkitException (exit 2) for a malformed file, a missing image or an empty set
     */
    public static LandmarkData read(Path dir) throws IOException {
        Path labels = dir.resolve("landmarks");
        if (!Files.isDirectory(labels)) {
            throw DlkitException.invalidInput(
                    dir
                            + ": no landmarks/ folder; write one NAME.txt per images/NAME.png with"
                            + " 'x1 y1 .. xk yk' as fractions");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(labels)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<Path> images = new ArrayList<>();
        List<float[]> points = new ArrayList<>();
        int k = -1;
        for (Path f : files) {
            float[] p = parse(f);
            if (k >= 0 && p.length != 2 * k) {
                throw DlkitException.invalidInput(
                        f + ": " + p.length / 2 + " landmarks, but the files before give " + k);
            }
            k = p.length / 2;
            points.add(p);
            images.add(image(dir, f));
        }
        if (images.isEmpty()) throw DlkitException.invalidInput(labels + ": holds no .txt files");
        return new LandmarkData(images, points, k);
    }

    /** The {@code 2k} numbers of one label file. */
    static float[] parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        float[] found = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = file + ":" + (n + 1);
            if (found != null) {
                throw DlkitException.invalidInput(
                        where + ": a second line; one image has one line of landmarks");
            }
            found = numbers(line.split("\\s+"), where);
        }
        if (found == null) throw DlkitException.invalidInput(file + ": holds no landmarks");
        return found;
    }

    private static float[] numbers(String[] parts, String where) {
        if (parts.length % 2 != 0) {
            throw DlkitException.invalidInput(
                    where + ": " + parts.length + " numbers; write x y pairs (2k numbers)");
        }
        float[] p = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                p[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException e) {
                throw DlkitException.invalidInput(where + ": '" + parts[i] + "' is not a number");
            }
        }
        for (int j = 0; j < p.length; j += 2) {
            boolean absent = p[j] == -1 && p[j + 1] == -1;
            boolean inside = p[j] >= 0 && p[j] <= 1 && p[j + 1] >= 0 && p[j + 1] <= 1;
            if (!absent && !inside) {
                throw DlkitException.invalidInput(
                        where
                                + ": landmark "
                                + (j / 2 + 1)
                                + " ("
                                + p[j]
                                + ", "
                                + p[j + 1]
                                + ") is outside [0, 1]; write -1 -1 for a landmark not visible");
            }
        }
        return p;
    }

    private static Path image(Path dir, Path label) {
        String stem = label.getFileName().toString().replaceFirst("\\.txt$", "");
        for (String ext : EXTENSIONS) {
            Path p = dir.resolve("images").resolve(stem + ext);
            if (Files.isRegularFile(p)) return p;
        }
        throw DlkitException.invalidInput(
                label + ": no image " + stem + ".png/.jpg/.jpeg/.bmp in " + dir.resolve("images"));
    }

    /** Image {@code i} stretched to {@code size x size}, HWC RGB in [0, 1]. */
    public float[] image(int i, int size) {
        Path file = images.get(i);
        try {
            Image rgb = Images.convert(Images.read(file), 3);
            return rgb.width() == size && rgb.height() == size
                    ? rgb.data()
                    : Images.resize(rgb, size, size).data();
        } catch (IOException | DataFormatException e) {
            throw DlkitException.invalidInput(file + ": cannot read the image: " + e.getMessage());
        }
    }

    /** {@code [k]} visibility of image {@code i}: 1, or 0 for a {@code -1 -1} landmark. */
    public float[] visible(int i) {
        float[] p = points.get(i);
        float[] v = new float[landmarks];
        for (int j = 0; j < landmarks; j++) v[j] = p[2 * j] == -1 && p[2 * j + 1] == -1 ? 0 : 1;
        return v;
    }
}
