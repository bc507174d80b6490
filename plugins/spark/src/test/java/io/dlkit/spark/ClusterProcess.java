package io.dlkit.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spark cluster's pieces for tests: a Spark home holding Spark only, and the spark-submit line of
 * docs/spark.md run as bin/spark-submit runs it ({@code java ... SparkSubmit}).
 */
final class ClusterProcess {
    /**
     * The jars of the distribution's lib/ that Spark itself needs (the rest of Spark: lib/spark).
     */
    private static final List<String> SPARK_FROM_LIB =
            List.of(
                    "jackson-core-",
                    "jackson-databind-",
                    "jackson-annotations-",
                    "slf4j-api-",
                    "slf4j-simple-",
                    "jsr305-",
                    "guava-",
                    "failureaccess-");

    private ClusterProcess() {}

    /**
     * A Spark home at {@code home} whose {@code jars/} links Spark 3.5's jars from the distribution
     * {@code dist}: lib/spark without the add-on, plus the jars of lib/ Spark needs; no dlkit, no
     * TensorFlow.
     */
    static void sparkHome(Path dist, Path home) throws Exception {
        Path jars = Files.createDirectories(home.resolve("jars"));
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(dist.resolve("lib/spark"))) {
            s.filter(p -> !p.getFileName().toString().equals("dlkit-spark.jar")).forEach(all::add);
        }
        try (Stream<Path> s = Files.list(dist.resolve("lib"))) {
            s.filter(p -> SPARK_FROM_LIB.stream().anyMatch(p.getFileName().toString()::startsWith))
                    .forEach(all::add);
        }
        for (Path jar : all) {
            if (jar.toString().endsWith(".jar")) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
            }
        }
    }

    /**
     * The distribution {@code dist} as the tar file {@code tar} (uncompressed: quicker here), its
     * folders by name since Spark's Java untar refuses a {@code ./} entry.
     */
    static void archive(Path dist, Path tar) throws Exception {
        DistProcess.Result r =
                exec(
                        tar.getParent(),
                        Map.of(),
                        "tar",
                        "-C",
                        dist.toString(),
                        "-cf",
                        tar.toString(),
                        "bin",
                        "lib",
                        "plugins",
                        "models");
        if (r.exitCode() != 0) throw new AssertionError("tar failed: " + r);
    }

    /**
     * docs/spark.md's submission on {@code master} from {@code dir}, shipping {@code archive}
     * ({@code FILE#dlkit}), running {@code dlkit args}; the Spark home is {@code dir/spark}.
     */
    static DistProcess.Result submit(Path dir, String master, String archive, String... args)
            throws Exception {
        Path dist = DistProcess.DIST;
        String javacpp = javacppCache();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(
                Arrays.asList(
                        Files.readString(dist.resolve("lib/spark/jvm.options"))
                                .trim()
                                .split("\\s+")));
        cmd.addAll(
                List.of(
                        "-Ddlkit.home=" + dist,
                        "-Dorg.bytedeco.javacpp.cachedir=" + javacpp,
                        "-cp",
                        dist + "/lib/*:" + dist + "/lib/spark/*",
                        "org.apache.spark.deploy.SparkSubmit",
                        "--master",
                        master,
                        "--deploy-mode",
                        "client",
                        "--class",
                        "io.dlkit.cli.Main",
                        "--executor-memory",
                        "1g",
                        "--archives",
                        archive,
                        "--conf",
                        "spark.executor.extraClassPath=./dlkit/lib/*:./dlkit/lib/spark/*",
                        "--conf",
                        "spark.executor.extraJavaOptions=-Ddlkit.home=./dlkit"
                                + " -Dorg.bytedeco.javacpp.cachedir="
                                + javacpp,
                        "--conf",
                        "spark.executorEnv.DLKIT_OFFLINE=1",
                        "--conf",
                        "spark.executorEnv.TF_CPP_MIN_LOG_LEVEL=2",
                        dist.resolve("lib/spark/dlkit-spark.jar").toString()));
        cmd.addAll(List.of(args));
        Map<String, String> env = new HashMap<>();
        env.put("SPARK_HOME", dir.resolve("spark").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("TF_CPP_MIN_LOG_LEVEL", "2");
        return exec(dir, env, cmd.toArray(String[]::new));
    }

    /** The launcher's TensorFlow native cache (bin/dlkit), so no test extracts its own. */
    private static String javacppCache() {
        String root = System.getenv("DLKIT_CACHE_DIR");
        if (root == null) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            root = (xdg != null ? xdg : System.getProperty("user.home") + "/.cache") + "/dlkit";
        }
        return root + "/javacpp";
    }

    /** The stderr files of the executors under a Spark work folder ({@code app-*}/N/stderr). */
    static List<String> executorLogs(Path workDir) throws Exception {
        List<String> logs = new ArrayList<>();
        if (!Files.isDirectory(workDir)) return logs;
        try (Stream<Path> s = Files.walk(workDir, 3)) {
            for (Path p : s.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                logs.add(Files.readString(p));
            }
        }
        return logs;
    }

    /** Runs {@code cmd} in {@code dir} with extra environment variables (10 min at most). */
    static DistProcess.Result exec(Path dir, Map<String, String> env, String... cmd)
            throws Exception {
        return DistProcess.exec(dir, env, cmd);
    }
}
