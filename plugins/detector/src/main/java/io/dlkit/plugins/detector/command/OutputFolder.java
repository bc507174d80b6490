package io.dlkit.plugins.detector.command;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code dlkit detect} writes: {@code --out} as given (existing files in it are replaced only
 * with {@code --overwrite}), or by default the first of {@code runs/detect/exp}, {@code exp2},
 * {@code exp3} ... that does not exist yet, so a repeated command never clobbers earlier results.
 */
final class OutputFolder {
    static final Path DEFAULT = Path.of("runs", "detect");

    private OutputFolder() {}

    static Path choose(Path root, Path out, boolean overwrite) {
        if (out != null) return root.resolve(out);
        Path base = root.resolve(DEFAULT);
        Path first = base.resolve("exp");
        if (overwrite || !Files.exists(first)) return first;
        for (int n = 2; ; n++) {
            Path p = base.resolve("exp" + n);
            if (!Files.exists(p)) return p;
        }
    }
}
