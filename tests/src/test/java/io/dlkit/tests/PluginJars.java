package io.dlkit.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real PF4J plugin jars in a test folder: compiles sources against the distribution's lib/.
 */
final class PluginJars {
    private PluginJars() {}

    /**
     * Compiles {@code sources} (class name -> Java source) and writes a plugin jar.
     *
     * @param manifest PF4J descriptor entries (Plugin-Id, Plugin-Version, ...)
     */
    static Path build(
            Path dir, String fileName, Map<String, String> manifest, Map<String, String> sources)
            throws IOException {
        return build(dir, fileName, manifest, sources, Map.of());
    }

    /** As {@link #build(Path, String, Map, Map)}, adding resource files (path in jar -> text). */
    static Path build(
            Path dir,
            String fileName,
            Map<String, String> manifest,
            Map<String, String> sources,
            Map<String, String> resources)
            throws IOException {
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        String cp;
        try (Stream<Path> libs = Files.list(DlkitProcess.DIST.resolve("lib"))) {
            cp = String.join(java.io.File.pathSeparator, libs.map(Path::toString).toList());
        }
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "-d",
                                classes.toString(),
                                "-cp",
                                cp,
                                "-proc:none",
                                "--release",
                                "17"));
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        if (!sources.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, args.toArray(String[]::new));
            if (rc != 0) throw new AssertionError("test plugin sources did not compile");
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        Path jar = dir.resolve(fileName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
                Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    out.putNextEntry(new JarEntry(classes.relativize(p).toString()));
                    Files.copy(p, out);
                    out.closeEntry();
                }
            }
            for (var r : resources.entrySet()) {
                out.putNextEntry(new JarEntry(r.getKey()));
                out.write(r.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Copies a plugin jar, changing its Plugin-Id (and so the names its steps get). */
    static Path withId(Path jar, Path target, String newId) throws IOException {
        return withAttribute(jar, target, "Plugin-Id", newId);
    }

    /** Copies a plugin jar, setting one manifest attribute. */
    static Path withAttribute(Path jar, Path target, String name, String value) throws IOException {
        try (var in = new java.util.jar.JarFile(jar.toFile());
                OutputStream os = Files.newOutputStream(target)) {
            Manifest mf = new Manifest(in.getManifest());
            mf.getMainAttributes().putValue(name, value);
            try (JarOutputStream out = new JarOutputStream(os, mf)) {
                for (var en = in.entries(); en.hasMoreElements(); ) {
                    JarEntry e = en.nextElement();
                    if (e.getName().equals("META-INF/MANIFEST.MF")) continue;
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.getInputStream(e).transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }
}
