package io.dlkit.api.pipeline;

import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The rule for {@link ParamType#OUTPUT} locations: a step writes inside the run's output folder,
 * never beside it. A location is a relative path that stays inside that folder after {@code ..} is
 * resolved and after following the symbolic links that already exist; an absolute path or one that
 * leaves the folder is refused unless the user passed {@code --allow-outside-out}.
 */
public final class OutputLocations {
    /** The flag that allows locations outside the output folder. */
    public static final String ALLOW_FLAG = "--allow-outside-out";

    private OutputLocations() {}

    /**
     * Checks a location as written (no file system access) and returns it normalized.
     *
     * @throws IllegalArgumentException with a one-line reason when it is blank, the output folder
     *     itself, not a valid path, absolute or leaving the folder (the last two only when {@code
     *     allowOutside} is false)
     */
    public static String check(String location, boolean allowOutside) {
        Path p;
        try {
            p = Path.of(location.strip()).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    "invalid output location " + quote(location) + ": " + e.getReason());
        }
        if (location.isBlank() || p.toString().isEmpty()) {
            throw new IllegalArgumentException(
                    "output location "
                            + quote(location)
                            + " is the output folder itself; name a file or folder inside it");
        }
        if (!allowOutside && p.isAbsolute()) {
            throw new IllegalArgumentException(
                    "output location "
                            + quote(location)
                            + " is an absolute path; give a path inside the run's output folder"
                            + " (e.g. 'model') or pass "
                            + ALLOW_FLAG);
        }
        if (!allowOutside && p.startsWith("..")) {
            throw new IllegalArgumentException(
                    "output location "
                            + quote(location)
                            + " leaves the run's output folder; give a path inside it"
                            + " (e.g. 'model') or pass "
                            + ALLOW_FLAG);
        }
        return p.toString();
    }

    /**
     * Resolves a location against the output folder, checking it as {@link #check} does and, unless
     * {@code allowOutside}, that no existing symbolic link on the way leads out of the folder.
     *
     * @throws DlkitException (exit code 2) naming the location and how to fix it
     */
    public static Path resolve(Path outputDir, String location, boolean allowOutside) {
        String checked;
        try {
            checked = check(location, allowOutside);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
        Path dir = outputDir.toAbsolutePath().normalize();
        Path target = dir.resolve(checked).normalize();
        if (!allowOutside && !realParent(target).startsWith(realParent(dir))) {
            throw DlkitException.invalidInput(
                    "output location "
                            + quote(location)
                            + " leads outside the run's output folder "
                            + dir
                            + " through a symbolic link; give a path inside it or pass "
                            + ALLOW_FLAG);
        }
        return target;
    }

    /** The real path of the deepest existing ancestor of {@code p} (or {@code p} itself). */
    private static Path realParent(Path p) {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return p;
        try {
            return existing.toRealPath().resolve(existing.relativize(p));
        } catch (IOException e) {
            return p;
        }
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }
}
