package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a folder tree holds: every entry (links not followed) with its kind, size and, for regular
 * files, its SHA-256; compared before and after a command to prove it wrote nothing outside its
 * output folder and changed nothing that existed.
 */
record TreeSnapshot(Path root, Map<String, String> entries) {
    static TreeSnapshot of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) entries.put(root.relativize(p).toString(), describe(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(root, entries);
    }

    private static String describe(Path p) {
        try {
            BasicFileAttributes a =
                    Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) return "link -> " + Files.readSymbolicLink(p);
            if (a.isDirectory()) return "folder";
            if (!a.isRegularFile()) return "special";
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return "file "
                    + a.size()
                    + " "
                    + HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            return "unreadable";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts that every entry of this snapshot is unchanged in {@code after} and that new entries
     * are output folders' ({@code outputs} tells; what is in them is not compared, since runs of
     * other cases may write there at the same time).
     */
    void assertOnlyAdded(
            TreeSnapshot after, java.util.function.Predicate<String> outputs, String what) {
        List<String> changed = new ArrayList<>();
        entries.forEach(
                (path, desc) -> {
                    if (!outputs.test(path) && !desc.equals(after.entries.get(path))) {
                        changed.add(path);
                    }
                });
        List<String> outside =
                after.entries.keySet().stream()
                        .filter(p -> !entries.containsKey(p) && !outputs.test(p))
                        .toList();
        assertThat(changed).as(what + ": existing files changed or removed").isEmpty();
        assertThat(outside).as(what + ": files written outside the output folders").isEmpty();
    }
}
