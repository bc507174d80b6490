package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What dlkit tells a user on stderr while it works: a model with more outputs than the image folder
 * has classes, an unreadable image under a classified folder, Ctrl-C during training; and what a
 * pipeline reports as a training's time and throughput.
 */
class CliNoticesIT {
    private static final String SAMPLES = DlkitProcess.ROOT.resolve("samples").toString();

    @TempDir Path tmp;

    @Test
    void should_warn_about_a_model_with_more_outputs_than_classes_in_train_and_classify()
            throws Exception {
        // given: two class folders of 4x4 grey images, and a model with 10 outputs
        for (int i = 0; i < 4; i++) {
            HostileInputIT.png(tmp.resolve("img/cats/" + i + ".png"), 30 + i);
            HostileInputIT.png(tmp.resolve("img/dogs/" + i + ".png"), 220 - i);
        }
        Path model =
                Files.writeString(
                        tmp.resolve("ten.yaml"),
                        "input_shape: [4, 4, 1]\nlayers:\n  - {type: flatten}\n"
                                + "  - {type: dense, units: 10, activation: softmax}\n");
        Path dir = tmp.resolve("model");

        // when
        Result train =
                Words.dlkit(
                        "-q --threads 2 train --epochs 1 --batch-size 8 --model",
                        model.toString(),
                        "--data",
                        tmp.resolve("img").toString(),
                        "--out",
                        dir.toString());

        // then
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.err())
                .contains(
                        "warning: the model outputs 10 classes but "
                                + tmp.resolve("img")
                                + " has 2 class folders (cats, dogs); outputs 2..9 get no"
                                + " examples and no names; set the last layer's units to 2\n");

        // given: a folder to classify with one file that is not an image
        Path photos = tmp.resolve("photos");
        HostileInputIT.png(photos.resolve("a.png"), 40);
        Path bad = Files.writeString(photos.resolve("b.png"), "not a png");

        // when
        Result lenient =
                Words.dlkit("-q --format json classify", dir.toString(), photos.toString());
        Result strict = Words.dlkit("-q classify --strict", dir.toString(), photos.toString());

        // then: the good image is classified, the bad one reported, the names mismatch said
        assertThat(lenient.exitCode()).as(lenient.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(lenient.out());
        assertThat(doc.get("predictions")).hasSize(1);
        List<String> warnings =
                lenient.err().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0))
                .isEqualTo(
                        "warning: "
                                + dir
                                + ": the model outputs 10 classes but its model.yaml names 2"
                                + " (cats, dogs); classes without a name are shown by id");
        assertThat(warnings.get(1))
                .startsWith("warning: skipped " + bad + ": ")
                .endsWith("(--strict makes this an error)");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(2);
        assertThat(strict.err().lines().filter(l -> l.startsWith("error: ")))
                .singleElement()
                .asString()
                .startsWith("error: " + bad + ": ");
    }

    @Test
    void should_say_where_the_last_checkpoint_is_and_how_to_resume_on_sigint() throws Exception {
        // given: a long training run, past its first checkpoint
        Path dir = tmp.resolve("run");
        try (DlkitBackground run =
                DlkitBackground.start(
                        Words.args(
                                "-q --threads 2 --seed 7 train --epochs 1000000 --batch-size 400"
                                        + " --optimizer gd --model",
                                SAMPLES + "/models/flower.yaml",
                                "--data",
                                SAMPLES + "/data/flower.csv",
                                "--out",
                                dir.toString()))) {
            run.awaitWhileRunning(
                    () -> Files.exists(dir.resolve("checkpoint/state.properties")),
                    Duration.ofSeconds(120));

            // when: Ctrl-C, unless this JVM was started with SIGINT ignored (then so is dlkit)
            boolean intIgnored = signalIgnored(2);
            run.signal(intIgnored ? "TERM" : "INT");
            int code = run.waitFor(Duration.ofSeconds(30));

            // then
            assertThat(code).as(run.log()).isEqualTo(intIgnored ? 143 : 130);
            List<String> lines = run.log().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines.get(lines.size() - 1))
                    .matches(
                            "interrupted: the last checkpoint \\(epoch \\d+, step \\d+\\) is in "
                                    + java.util.regex.Pattern.quote(dir + "/checkpoint")
                                    + "; resume with: dlkit train --resume --out "
                                    + java.util.regex.Pattern.quote(dir.toString())
                                    + " --seed 7");
        }
    }

    @Test
    void should_turn_an_out_of_memory_error_into_one_line_with_exit_1() {
        // given: a heap too small for dlkit to even list its plugins
        Map<String, String> tiny = Map.of("DLKIT_JAVA_OPTS", "-Xmx3m");

        // when
        Result r = DlkitProcess.runIn(DlkitProcess.ROOT, tiny, 60, "plugins");
        Result traced = DlkitProcess.runIn(DlkitProcess.ROOT, tiny, 60, "-x", "plugins");

        // then
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().lines().toList())
                .as(r.toString())
                .singleElement()
                .asString()
                .startsWith("error: out of memory")
                .endsWith("give dlkit more memory with DLKIT_JAVA_OPTS=-Xmx8g");
        assertThat(traced.exitCode()).isEqualTo(1);
        assertThat(traced.err()).contains("java.lang.OutOfMemoryError").contains("\tat ");
    }

    /** Whether signal {@code number} is ignored by this process (inherited by its children). */
    private static boolean signalIgnored(int number) throws IOException {
        String mask =
                Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(l -> l.startsWith("SigIgn:"))
                        .findFirst()
                        .orElseThrow()
                        .substring(7)
                        .strip();
        return (Long.parseUnsignedLong(mask, 16) & (1L << (number - 1))) != 0;
    }

    @Test
    void should_report_the_whole_training_time_and_mean_throughput_in_a_pipeline_result()
            throws Exception {
        // given: 30 epochs of one 400-sample batch each
        Path out = tmp.resolve("out");

        // when
        Result r =
                Words.dlkit(
                        "-q --threads 2 --format json run pipelines/train-flower.yaml"
                                + " --set train.epochs=30 --out",
                        out.toString());

        // then: seconds is the sum over epochs and samples/s is 30 x 400 over that sum
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(r.out()).get("results").get("train.metrics");
        JsonNode epochs = new ObjectMapper().readTree(out.resolve("model/metrics.json").toFile());
        double sum = 0;
        for (JsonNode e : epochs) sum += e.get("seconds").asDouble();
        assertThat(epochs).hasSize(30);
        assertThat(metrics.get("seconds").asDouble())
                .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(metrics.get("samples_per_s").asDouble())
                .isCloseTo(30 * 400 / sum, org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(metrics.get("seconds").asDouble())
                .as("more than the last epoch alone")
                .isGreaterThan(epochs.get(29).get("seconds").asDouble());
    }
}
