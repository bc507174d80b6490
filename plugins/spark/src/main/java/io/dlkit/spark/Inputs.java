package io.dlkit.spark;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.BatchTaskProvider.Input;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code --input} names, as input rows (Parquet inputs are read by {@link ParquetInputs}): for
 * image tasks a folder (its images, sub-folders included, sorted), a glob ({@code photos/*.jpg}), a
 * {@code .txt} list of image paths (relative to the list's folder, {@code #} comments) or one
 * image; for text tasks a {@code .txt} file, a folder or a glob of them, one record per non-empty
 * line (id {@code FILE:LINE}).
 */
final class Inputs {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

    private Inputs() {}

    /** Whether {@code input} is a Parquet data set (a file or a folder ending in .parquet). */
    static boolean isParquet(String input) {
        return input.toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** The rows of a non-Parquet {@code input}, paths resolved against {@code workDir}. */
    static List<InputRow> rows(String input, Input kind, Path workDir) throws IOException {
        Path root = workDir.toAbsolutePath();
        List<Path> files = files(input, kind, root);
        List<InputRow> rows = new ArrayList<>();
        for (Path f : files) {
            if (kind == Input.TEXT) {
                addLines(rows, f, root);
            } else if (extension(f).equals("txt")) {
                for (Path image : list(f))
                    rows.add(InputRow.file(shown(image, root), image.toString()));
            } else {
                rows.add(InputRow.file(shown(f, root), f.toString()));
            }
        }
        if (rows.isEmpty())
            throw DlkitException.invalidInput("batch: " + input + " holds no record");
        return rows;
    }

    private static List<Path> files(String input, Input kind, Path root) throws IOException {
        Set<String> wanted = kind == Input.TEXT ? Set.of("txt") : IMAGE_EXTENSIONS;
        if (isGlob(input)) return glob(input, root, wanted);
        Path p = root.resolve(input);
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                List<Path> found =
                        s.filter(Files::isRegularFile)
                                .filter(f -> wanted.contains(extension(f)))
                                .sorted()
                                .toList();
                if (found.isEmpty()) {
                    throw DlkitException.invalidInput(
                            "batch: "
                                    + input
                                    + " holds no "
                                    + String.join(", ", sorted(wanted))
                                    + " file");
                }
                return found;
            }
        }
        if (!Files.isRegularFile(p)) {
            throw DlkitException.invalidInput(
                    "batch: --input "
                            + input
                            + " does not exist; give a folder, a glob, a .txt or a .parquet file");
        }
        return List.of(p);
    }

    private static List<Path> glob(String input, Path root, Set<String> wanted) throws IOException {
        Path pattern = root.resolve(input);
        Path base = pattern;
        while (base != null && isGlob(base.toString())) base = base.getParent();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        if (base == null || !Files.isDirectory(base)) {
            throw DlkitException.invalidInput("batch: --input " + input + " matches no file");
        }
        try (Stream<Path> s = Files.walk(base)) {
            List<Path> found =
                    s.filter(Files::isRegularFile)
                            .filter(m::matches)
                            .filter(f -> wanted.contains(extension(f)))
                            .sorted()
                            .toList();
            if (found.isEmpty()) {
                throw DlkitException.invalidInput("batch: --input " + input + " matches no file");
            }
            return found;
        }
    }

    private static void addLines(List<InputRow> rows, Path file, Path root) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = shown(file, root);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank())
                rows.add(InputRow.text(name + ":" + (i + 1), lines.get(i)));
        }
    }

    private static List<Path> list(Path file) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) out.add(base.resolve(s));
        }
        return out;
    }

    /** Under the working folder: relative to it, as the user wrote it; else absolute. */
    static String shown(Path file, Path root) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    private static boolean isGlob(String s) {
        return s.indexOf('*') >= 0
                || s.indexOf('?') >= 0
                || s.indexOf('[') >= 0
                || s.indexOf('{') >= 0;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
