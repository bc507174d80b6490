package io.dlkit.cli.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How the store may fetch: the cache folder ({@code DLKIT_MODELS}, default {@code
 * ~/.cache/dlkit/models}), whether fetching is off ({@code --offline} or {@code DLKIT_OFFLINE=1}),
 * and the {@code PATH} searched for {@code npm}.
 *
 * @param cache the cache root
 * @param offline whether every fetch is refused
 * @param path the PATH value searched for the npm command
 */
public record FetchSettings(Path cache, boolean offline, String path) {

    /** The settings the environment gives, with {@code --offline} if the user passed it. */
    public static FetchSettings fromEnvironment(Map<String, String> env, boolean offlineOption) {
        String dir = env.get("DLKIT_MODELS");
        Path cache =
                dir != null && !dir.isBlank()
                        ? Path.of(dir)
                        : Path.of(System.getProperty("user.home"), ".cache", "dlkit", "models");
        String off = env.getOrDefault("DLKIT_OFFLINE", "");
        boolean offline = offlineOption || off.equals("1") || off.equalsIgnoreCase("true");
        return new FetchSettings(cache.toAbsolutePath(), offline, env.getOrDefault("PATH", ""));
    }

    /** The {@code npm} executable on {@link #path()}, if there is one. */
    Optional<Path> npm() {
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, "npm");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
