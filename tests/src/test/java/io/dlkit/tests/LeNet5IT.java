package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.testkit.SharedData;
import io.dlkit.tests.DlkitProcess.Result;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LeNet-5 (the cnn-zoo plugin's {@code architecture: lenet5}, ReLU) with the recipe: Adam
 * 1e-3, batch 128, 10 epochs, pixels in [0, 1]. The thresholds hold on any machine and seed: they
 * sit below the lowest accuracy measured over seeds by {@code tests/bench/accuracy.sh} (results
 * move with the CPU's kernels, AVX-512 vs AVX2, and with the seed), with a margin. The comparison
 * with PyTorch's accuracy (mean over seeds, same recipe) lives in that script, not here. Each run
 * takes a minute or two on two threads; each test prints its accuracy and time. Skipped, saying so,
 * without ../shared/data (failed when {@code CI=true}).
 */
class LeNet5IT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIGITS = DlkitProcess.SHARED.resolve("data/digits");
    private static final String LENET =
            DlkitProcess.ROOT.resolve("samples/models/lenet5.yaml").toString();
    private static final String RECIPE =
            "--threads 2 --seed 1 -q --format json train --epochs 10"
                    + " --batch-size 128 --optimizer adam --lr 1e-3 --model";
    private static final long TIMEOUT_S = 1200;

    @Test
    void should_reach_88_percent_on_fashion_mnist(@TempDir Path tmp) throws IOException {
        // given
        Path fashion = DIGITS.resolve("fashion-mnist");
        needs(fashion.resolve("t10k-images-idx3-ubyte.gz"));

        // when
        JsonNode r =
                train(
                        tmp,
                        "fashion-mnist",
                        fashion.resolve("train-images-idx3-ubyte.gz").toString(),
                        fashion.resolve("t10k-images-idx3-ubyte.gz").toString());

        // then: seed 1 measured 89.64% here (AVX-512), seed 42 89.78-90.04% on an AVX2 machine;
        // 88% leaves 1.6 points below the lowest
        assertThat(r.get("steps").asInt()).isEqualTo(10 * ((60_000 + 127) / 128));
        assertThat(r.get("test_accuracy").asDouble()).isGreaterThanOrEqualTo(0.88);
    }

    @Test
    void should_reach_96_percent_on_mnist_10k(@TempDir Path tmp) throws IOException {
        // given
        Path images = DIGITS.resolve("mnist-10k/images-idx3-ubyte.gz");
        needs(images);

        // when
        JsonNode r = train(tmp, "mnist-10k", images + "@0:8000", images + "@8000:10000");

        // then: seeds 1-8 measured 96.85-97.55% (mean 97.13%, AVX-512 machine); an earlier AVX2
        // machine 97.45% (seed 42). The threshold leaves 0.85 points below the lowest.
        assertThat(r.get("steps").asInt()).isEqualTo(10 * ((8_000 + 127) / 128));
        assertThat(r.get("test_accuracy").asDouble()).isGreaterThanOrEqualTo(0.96);
    }

    private static void needs(Path file) {
        SharedData.require(file);
    }

    private static JsonNode train(Path tmp, String name, String data, String test)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(RECIPE.split(" ")));
        args.addAll(
                List.of(
                        LENET,
                        "--data",
                        data,
                        "--test",
                        test,
                        "--out",
                        tmp.resolve(name).toString()));
        long t0 = System.nanoTime();
        Result r = run(args);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = JSON.readTree(r.out());
        System.out.printf(
                "LeNet-5 on %s: test accuracy %.4f, %.0f s (dlkit train, 2 threads)%n",
                name, json.get("test_accuracy").asDouble(), seconds);
        return json;
    }

    // DlkitProcess.run gives up after 300 s; these runs take longer on two slow cores.
    private static Result run(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(DlkitProcess.DIST.resolve("bin/dlkit").toString());
        cmd.addAll(args);
        Path out = Files.createTempFile("dlkit-out", ".txt");
        Path err = Files.createTempFile("dlkit-err", ".txt");
        try {
            Process p =
                    new ProcessBuilder(cmd)
                            .directory(DlkitProcess.ROOT.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("dlkit train did not finish in " + TIMEOUT_S + " s");
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
