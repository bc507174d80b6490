package io.dlkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.spark.util.MutableURLClassLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorClassPathTest {
    private static final String PROBE = "io.dlkit.spark.BatchSummary";
    private final String savedHome = System.getProperty("dlkit.home");

    @TempDir Path home;

    @AfterEach
    void restore() {
        if (savedHome == null) System.clearProperty("dlkit.home");
        else System.setProperty("dlkit.home", savedHome);
    }

    @Test
    void should_add_the_shipped_lib_jars_to_a_task_class_loader_that_cannot_load_dlkit()
            throws Exception {
        // given a shipped distribution whose lib/ has a jar with the probed class
        Files.createDirectories(home.resolve("plugins"));
        jarWith(Files.createDirectories(home.resolve("lib")).resolve("one.jar"), PROBE);
        System.setProperty("dlkit.home", home.toString());
        // and a Spark task class loader that only sees the JDK
        try (MutableURLClassLoader loader =
                new MutableURLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName(PROBE, false, loader))
                    .isInstanceOf(ClassNotFoundException.class);

            // when
            ExecutorClassPath.ensure(loader, PROBE);

            // then the class comes from the shipped jar, through that loader
            Class<?> c = Class.forName(PROBE, false, loader);
            assertThat(c.getClassLoader()).isSameAs(loader);
            assertThat(loader.getURLs())
                    .extracting(URL::getPath)
                    .allMatch(p -> p.endsWith("/lib/one.jar"));
            assertThat(System.getProperty("dlkit.home"))
                    .isEqualTo(home.toAbsolutePath().toString());
        }
    }

    @Test
    void should_refuse_an_executor_without_the_distribution() {
        System.setProperty("dlkit.home", home.resolve("absent").toString());
        try (MutableURLClassLoader loader =
                new MutableURLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> ExecutorClassPath.ensure(loader, PROBE))
                    .hasMessageContaining("no dlkit distribution")
                    .hasMessageContaining("--archives dlkit-spark.tgz#dlkit");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void jarWith(Path jar, String className) throws Exception {
        String entry = className.replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                InputStream in =
                        ExecutorClassPathTest.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
