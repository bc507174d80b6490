package io.dlkit.cli.plugin;

import java.util.List;

/**
 * The packages a plugin always gets from the host application, never from its own file: one
 * TensorFlow runtime per process (a JNI library cannot belong to two class loaders), and one copy
 * of the API types plugins and host exchange (DESIGN.md section 2).
 */
public final class SharedPackages {
    /** Class-name prefixes loaded parent-first. */
    public static final List<String> PREFIXES =
            List.of(
                    "org.tensorflow.",
                    "org.bytedeco.",
                    "com.google.protobuf.",
                    "io.dlkit.api.",
                    "io.dlkit.backend.",
                    "com.fasterxml.jackson.",
                    "org.slf4j.",
                    "picocli.",
                    "jakarta.inject.",
                    "org.pf4j.");

    private SharedPackages() {}

    /** Whether {@code className} belongs to a shared package. */
    public static boolean isShared(String className) {
        for (String p : PREFIXES) {
            if (className.startsWith(p)) return true;
        }
        return false;
    }
}
