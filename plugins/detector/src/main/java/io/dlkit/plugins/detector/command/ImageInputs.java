package io.dlkit.plugins.detector.command;

import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code dlkit detect SOURCE} runs on: one image file, a folder's image files (jpg, jpeg, png,
 * bmp, gif, by name, not recursive), or a {@code .txt} list of image paths, one per line, relative
 * to the list's folder ({@code #} starts a comment).
 */
final class ImageInputs {
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

    private ImageInputs() {}

    /**
     * The image paths of {@code source}.
     *
     * @throws DlkitException (exit 2) if it does not exist or holds no image
     */
    static List<Path> resolve(Path source) throws IOException {
        if (Files.isDirectory(source)) return folder(source);
        if (!Files.isRegularFile(source)) {
            throw DlkitException.invalidInput(
                    "detect: "
                            + source
                            + " does not exist; give an image, a folder or a .txt list");
        }
        if (extension(source).equals("txt")) return list(source);
        return List.of(source);
    }

    private static List<Path> folder(Path dir) throws IOException {
        List<Path> images;
        try (Stream<Path> files = Files.list(dir)) {
            images =
                    files.filter(Files::isRegularFile)
                            .filter(p -> EXTENSIONS.contains(extension(p)))
                            .sorted()
                            .toList();
        }
        if (images.isEmpty()) {
            throw DlkitException.invalidInput(
                    "detect: "
                            + dir
                            + " holds no image ("
                            + String.join(", ", EXTENSIONS.stream().sorted().toList())
                            + ")");
        }
        return images;
    }

    private static List<Path> list(Path file) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            out.add(base.resolve(s));
        }
        if (out.isEmpty()) {
            throw DlkitException.invalidInput("detect: " + file + " lists no image path");
        }
        return out;
    }

    static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
