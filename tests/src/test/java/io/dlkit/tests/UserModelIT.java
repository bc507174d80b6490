package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.testkit.SharedData;
import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TF.js graph model of one's own ({@code blazeface.json} and its shard from the shared data,
 * imported under a name the catalog does not have) becomes a model of the user catalog: every
 * file's SHA-256 recorded, then used by name like catalog models, checked before every load.
 */
class UserModelIT {
    private static final Path HUMAN = DlkitProcess.SHARED.resolve("data/models/human");
    private static final String IMAGE =
            DlkitProcess.SHARED.resolve("data/images/astronaut.png").toString();

    @TempDir Path dir;

    @Test
    void should_import_an_own_graph_model_and_use_it_by_name_until_a_file_is_altered()
            throws Exception {
        Path json = SharedData.require(HUMAN.resolve("blazeface.json"));
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("DLKIT_MODELS", cache.toString());

        // when: imported with blazeface's own input scaling ([-1, 1])
        Result imported =
                run(
                        env,
                        "models",
                        "import",
                        json.toString(),
                        "--name",
                        "myface",
                        "--scale",
                        "0.00784313725490196",
                        "--offset",
                        "-1");

        // then: both files copied, their SHA-256 recorded as computed here
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("myface: 2 files (617966 bytes)");
        String user = Files.readString(cache.resolve("user-models.json"));
        assertThat(user)
                .contains(sha256(HUMAN.resolve("blazeface.bin")))
                .contains(sha256(json))
                .contains("\"layout\" : \"NHWC\"");
        assertThat(cache.resolve("myface/blazeface.bin"))
                .hasSameBinaryContentAs(HUMAN.resolve("blazeface.bin"));
        Result list = run(env, "models", "list");
        assertThat(list.out()).containsPattern("myface +user model .* +0\\.6 MB +yes +ok");

        // and: usable by name
        Result summary = run(env, "summary", "myface");
        assertThat(summary.exitCode()).as(summary.toString()).isZero();
        assertThat(summary.out()).contains("model:        myface (tfjs-graph, user model");
        assertThat(summary.out()).containsPattern("input: .*\\[1, 256, 256, 3\\]");
        Result predict = run(env, "predict", "myface", "--data", IMAGE);
        assertThat(predict.exitCode()).as(predict.toString()).isZero();
        assertThat(predict.out()).contains("astronaut.png  Identity");
        Result bench =
                run(env, "bench", "infer", "--model", "myface", "--steps", "2", "--warmup", "1");
        assertThat(bench.exitCode()).as(bench.toString()).isZero();
        assertThat(bench.out()).contains("infer myface");

        // when: the cached shard is altered
        Path shard = cache.resolve("myface/blazeface.bin");
        byte[] bytes = Files.readAllBytes(shard);
        bytes[1000] ^= 1;
        Files.write(shard, bytes);
        Result damaged = run(env, "summary", "myface");

        // then
        assertThat(damaged.exitCode()).as(damaged.toString()).isEqualTo(2);
        assertThat(damaged.err())
                .contains("myface: ")
                .contains("blazeface.bin")
                .contains("run: dlkit models pull myface --force");

        // and: rm forgets it
        Result rm = run(env, "models", "rm", "myface");
        assertThat(rm.out()).contains("myface: removed from the user catalog");
        assertThat(run(env, "models", "list").out()).doesNotContain("myface");
    }

    private static Result run(Map<String, String> env, String... args) {
        return DlkitProcess.runIn(DlkitProcess.ROOT, env, args);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
