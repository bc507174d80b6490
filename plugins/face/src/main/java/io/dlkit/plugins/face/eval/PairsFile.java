package io.dlkit.plugins.face.eval;

import io.dlkit.api.DlkitException;
import io.dlkit.plugins.face.command.FaceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * LFW's {@code pairs.txt}: an optional first line {@code FOLDS PAIRS} (10 300: ten folds, each 300
 * same-person pairs then 300 different-person pairs), then one pair per line, {@code name i j} (two
 * images of one person) or {@code name1 i name2 j} (two people); image {@code i} of {@code name} is
 * {@code DIR/name/name_%04d.jpg}, or else the {@code i}-th image (from 1) of {@code DIR/name/} in
 * name order. Without the first line, pair {@code n} goes to fold {@code n mod folds}.
 */
public final class PairsFile {
    /**
     * One pair.
     *
     * @param a the first image
     * @param b the second image
     * @param same whether they show one person
     * @param fold the fold, from 0
     */
    public record Pair(Path a, Path b, boolean same, int fold) {}

    private PairsFile() {}

    /**
     * Reads {@code file} against the images of {@code dir}.
     *
     * @throws DlkitException (bad input) naming the file and line of a malformed line or missing
     *     image
     */
    public static List<Pair> read(Path file, Path dir, int folds) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw DlkitException.invalidInput(file + ": cannot read: " + e.getMessage());
        }
        int start = 0;
        int perFold = 0;
        if (!lines.isEmpty()) {
            String[] head = lines.get(0).trim().split("\\s+");
            if (head.length == 2 && head[0].matches("\\d+") && head[1].matches("\\d+")) {
                folds = Integer.parseInt(head[0]);
                perFold = Integer.parseInt(head[1]);
                start = 1;
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int n = start; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\\s+");
            String where = file + ":" + (n + 1);
            int index = pairs.size();
            int fold = perFold > 0 ? Math.min(index / (2 * perFold), folds - 1) : index % folds;
            if (f.length == 3) {
                pairs.add(
                        new Pair(
                                image(dir, f[0], f[1], where),
                                image(dir, f[0], f[2], where),
                                true,
                                fold));
            } else if (f.length == 4) {
                pairs.add(
                        new Pair(
                                image(dir, f[0], f[1], where),
                                image(dir, f[2], f[3], where),
                                false,
                                fold));
            } else {
                throw DlkitException.invalidInput(
                        where + ": expected 'name i j' or 'name1 i name2 j', got '" + line + "'");
            }
        }
        if (pairs.isEmpty()) throw DlkitException.invalidInput(file + ": no pairs");
        return pairs;
    }

    /**
     * Every same-person pair of {@code dir} and as many different-person pairs drawn at random
     * (seeded), for a folder without a pairs file; in {@code folds} folds.
     */
    public static List<Pair> all(Path dir, int folds, long seed) {
        List<List<Path>> people = new ArrayList<>();
        for (Path p : io.dlkit.plugins.face.train.FaceFolder.peopleOf(dir)) {
            people.add(FaceOptions.imageFiles(List.of(p)));
        }
        List<Pair> pairs = new ArrayList<>();
        for (List<Path> imgs : people) {
            for (int i = 0; i < imgs.size(); i++) {
                for (int j = i + 1; j < imgs.size(); j++) {
                    pairs.add(new Pair(imgs.get(i), imgs.get(j), true, pairs.size() % folds));
                }
            }
        }
        int same = pairs.size();
        if (same == 0 || people.size() < 2) {
            throw DlkitException.invalidInput(
                    dir + ": needs two person folders and one with two images to make pairs");
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int n = 0; n < same; n++) {
            int p = r.nextInt(people.size());
            int q = (p + 1 + r.nextInt(people.size() - 1)) % people.size();
            List<Path> a = people.get(p);
            List<Path> b = people.get(q);
            pairs.add(
                    new Pair(
                            a.get(r.nextInt(a.size())),
                            b.get(r.nextInt(b.size())),
                            false,
                            pairs.size() % folds));
        }
        return pairs;
    }

    private static Path image(Path dir, String name, String index, String where) {
        int i;
        try {
            i = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw DlkitException.invalidInput(
                    where + ": image number '" + index + "' is not a number");
        }
        Path lfw = dir.resolve(name).resolve(String.format(Locale.ROOT, "%s_%04d.jpg", name, i));
        if (Files.isRegularFile(lfw)) return lfw;
        Path folder = dir.resolve(name);
        if (Files.isDirectory(folder)) {
            List<Path> files;
            try {
                files = FaceOptions.imageFiles(List.of(folder));
            } catch (DlkitException e) {
                files = List.of(); // an empty folder: reported below, with the line
            }
            if (i >= 1 && i <= files.size()) return files.get(i - 1);
        }
        throw DlkitException.invalidInput(
                where
                        + ": no image "
                        + i
                        + " of '"
                        + name
                        + "' in "
                        + dir
                        + " (looked for "
                        + lfw
                        + ")");
    }
}
