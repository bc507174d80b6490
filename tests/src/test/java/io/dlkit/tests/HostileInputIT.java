package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input to every command and step that reads a file or takes a path, through the packaged
 * CLI: the files are made here ({@link HostileFiles}); each run must end with the expected exit
 * code and one line on stderr (no exception name, no stack trace, no temporary file), write nothing
 * outside its output folder and change no file that existed. Each process gets a timeout, so a hang
 * (a FIFO read) fails the test instead of CI.
 */
class HostileInputIT {
    private static final int TIMEOUT_S = 25;
    private static final String SAMPLES = DlkitProcess.ROOT.resolve("samples").toString();
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** These runs end within a second of starting: the C1 compiler alone starts faster. */
    private static final Map<String, String> FAST_START =
            Map.of("DLKIT_JAVA_OPTS", "-XX:TieredStopAtLevel=1");

    @org.junit.jupiter.api.io.TempDir static Path root;
    static Path h;
    static Path work;

    @BeforeAll
    static void makeHostileFilesAndAGoodModel() throws Exception {
        h = Files.createDirectories(root.resolve("h"));
        work = Files.createDirectories(root.resolve("work"));
        HostileFiles.write(h);
        Path good = root.resolve("models/flower");
        Result r =
                DlkitProcess.runIn(
                        work,
                        Map.of(),
                        120,
                        Words.args(
                                "-q --threads 2 train --epochs 2 --batch-size 400 --optimizer gd"
                                        + " --model",
                                SAMPLES + "/models/flower.yaml",
                                "--data",
                                SAMPLES + "/data/flower.csv",
                                "--out",
                                good.toString()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        HostileFiles.modelDirs(good, h);
        pipelines();
        images();
    }

    /** Pipelines whose output locations leave the run's output folder. */
    private static void pipelines() throws IOException {
        String train =
                "steps:\n  - id: train\n    uses: nn/train\n    with:\n      model: "
                        + SAMPLES
                        + "/models/flower.yaml\n      data: "
                        + SAMPLES
                        + "/data/flower.csv\n      epochs: 1\n      out: ";
        Files.writeString(h.resolve("escape.yaml"), train + "../../x\n");
        Files.writeString(h.resolve("absolute.yaml"), train + root.resolve("abs") + "\n");
        Files.writeString(h.resolve("fine.yaml"), train + "model\n");
        Files.writeString(
                h.resolve("save-escape.yaml"),
                "steps:\n  - id: load\n    uses: image/load\n    with: {path: "
                        + SAMPLES
                        + "/images/cat.png}\n  - id: save\n    uses: image/save\n"
                        + "    inputs: {image: \"${load.image}\"}\n    with: {file: ../cat.png}\n");
    }

    /** A folder of images with one that is not an image, and a classifier model for 4x4 grey. */
    private static void images() throws Exception {
        Path set = Files.createDirectories(h.resolve("photos"));
        png(set.resolve("a.png"), 40);
        Files.writeString(set.resolve("b.png"), "not a png");
        png(set.resolve("c.png"), 200);
        Files.copy(set.resolve("a.png"), h.resolve("ok.png"));
    }

    static void png(Path file, int value) throws IOException {
        BufferedImage bi = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        int[] v = new int[16];
        java.util.Arrays.fill(v, value);
        bi.getRaster().setPixels(0, 0, 4, 4, v);
        Files.createDirectories(file.getParent());
        ImageIO.write(bi, "png", file.toFile());
    }

    /**
     * The cases that hold today: name, exit code, a fragment of the one error line, the command
     * line ({@code {h}} the hostile files, {@code {out}} this run's output folder, {@code
     * {samples}} the repository's samples, {@code {root}} the test's root folder).
     */
    static Stream<Arguments> cases() {
        String model = "train --model {samples}/models/flower.yaml --epochs 1";
        String train = model + " --out {out} --data";
        String flower = " --data {samples}/data/flower.csv";
        return Stream.of(
                // train --data
                c("empty csv", 2, "empty.csv: the file is empty", train + " {h}/empty.csv"),
                c("truncated csv", 2, "truncated.csv:3: ", train + " {h}/truncated.csv"),
                c("fifo data", 2, "fifo.csv: is a FIFO (named pipe)", train + " {h}/fifo.csv"),
                c("link loop data", 2, "is a symbolic link loop", train + " {h}/loop.csv"),
                c("device data", 2, "/dev/zero: is a character device", train + " /dev/zero"),
                c(
                        "endless csv",
                        2,
                        "endless.csv: is a character device",
                        train + " {h}/endless.csv"),
                c("folder for a csv", 2, "folder.csv", train + " {h}/folder.csv"),
                c(
                        "wrong magic idx",
                        2,
                        "wrong-magic-images-idx3-ubyte",
                        train + " {h}/wrong-magic-images-idx3-ubyte"),
                c("huge npy header", 2, "huge-header.npz", train + " {h}/huge-header.npz"),
                c(
                        "negative row range",
                        2,
                        "bad row range '-5:10'; use PATH@FROM:TO",
                        train + " {samples}/data/flower.csv@-5:10"),
                c(
                        "text row range",
                        2,
                        "bad row range 'abc'; use PATH@FROM:TO",
                        train + " {samples}/data/flower.csv@abc"),
                // train --model and --out
                c(
                        "folder for a model file",
                        2,
                        "folder.yaml: is a directory",
                        "train --out {out} --model {h}/folder.yaml" + flower),
                c(
                        "out is a file",
                        2,
                        "existing.txt: is a file, not a folder",
                        model + " --out {h}/existing.txt" + flower),
                c(
                        "out is /dev/null",
                        2,
                        "/dev/null: is a character device, not a folder",
                        model + " --out /dev/null" + flower),
                c(
                        "out under /proc",
                        2,
                        "/proc/dlkit-hostile: not a writable folder",
                        model + " --out /proc/dlkit-hostile" + flower),
                c(
                        "out holds a user's metrics",
                        2,
                        "used-out/metrics.csv already exists; pass --overwrite to replace it",
                        model + " --out {h}/used-out" + flower),
                c(
                        "run out holds a manifest",
                        2,
                        "used-run/manifest.json already exists; pass --overwrite to replace it",
                        "run {h}/fine.yaml --out {h}/used-run"),
                c(
                        "import into a file",
                        2,
                        "existing.txt: is a file, not a folder",
                        "zoo import-keras {h}/garbage.h5 --arch vgg16 --out {h}/existing.txt"),
                c(
                        "zero epochs",
                        2,
                        "--epochs must be at least 1, got 0",
                        "train --model {samples}/models/flower.yaml --epochs 0 --out {out}"
                                + flower),
                // eval, predict, summary, export on model directories
                c(
                        "csv as model dir",
                        2,
                        "model-is-a.csv: is a file, not a model directory",
                        "eval {h}/model-is-a.csv" + flower),
                c(
                        "model dir without checkpoint",
                        2,
                        "garbage-model: has no checkpoint/",
                        "eval {h}/garbage-model" + flower),
                c(
                        "predict without checkpoint",
                        2,
                        "no-checkpoint: has no checkpoint/",
                        "predict {h}/no-checkpoint" + flower),
                c(
                        "eval batch size 0",
                        2,
                        "--batch-size must be at least 1, got 0",
                        "eval {root}/models/flower --batch-size 0" + flower),
                c(
                        "predict on a fifo",
                        2,
                        "fifo.csv: is a FIFO (named pipe)",
                        "predict {root}/models/flower --data {h}/fifo.csv"),
                c("summary of a link loop", 2, "loop.yaml", "summary {h}/loop.yaml"),
                c(
                        "summary without checkpoint",
                        2,
                        "garbage-model: has no checkpoint/",
                        "summary {h}/garbage-model"),
                c(
                        "export to a file",
                        2,
                        "existing.txt: is a file, not a folder",
                        "export {root}/models/flower --out {h}/existing.txt"),
                c(
                        "export to /dev/null",
                        2,
                        "/dev/null: is a character device, not a folder",
                        "export {root}/models/flower --out /dev/null"),
                c(
                        "export a csv",
                        2,
                        "model-is-a.csv: is a file, not a model directory",
                        "export {h}/model-is-a.csv --out {out}/sm"),
                // validate and run
                c(
                        "pipeline out leaves",
                        2,
                        "escape.yaml:8:12: steps[0].with.out: output location '../../x' leaves the run's output folder",
                        "validate {h}/escape.yaml"),
                c(
                        "pipeline out absolute",
                        2,
                        "absolute.yaml:8:12: steps[0].with.out: output location '",
                        "validate {h}/absolute.yaml"),
                c(
                        "image/save leaves",
                        2,
                        "save-escape.yaml:8:18: steps[1].with.file: output location '../cat.png' leaves",
                        "validate {h}/save-escape.yaml"),
                c(
                        "run --set out leaves",
                        2,
                        "--set train.out=../elsewhere: output location '../elsewhere' leaves",
                        "run {h}/fine.yaml --out {out} --set train.out=../elsewhere"),
                c(
                        "run out /dev/null",
                        2,
                        "error: /dev/null: is a character device, not a folder",
                        "run {h}/fine.yaml --out /dev/null"),
                c("validate a link loop", 2, "loop.yaml", "validate {h}/loop.yaml"),
                c("validate a folder", 2, "folder.yaml", "validate {h}/folder.yaml"),
                // classify
                c(
                        "model file is a fifo",
                        2,
                        "fifo.yaml: is a FIFO",
                        "train --out {out} --model {h}/fifo.yaml" + flower),
                c("summary of a fifo", 2, "fifo.yaml: is a FIFO", "summary {h}/fifo.yaml"),
                c("validate a fifo", 2, "fifo.yaml: is a FIFO", "validate {h}/fifo.yaml"),
                c(
                        "classify a fifo",
                        2,
                        "fifo.png: is a FIFO (named pipe), not an image file or folder",
                        "classify {root}/models/flower {h}/fifo.png"),
                c(
                        "classify a link loop",
                        2,
                        "loop.png: is a symbolic link loop, not an image file or folder",
                        "classify {root}/models/flower {h}/loop.png"),
                c(
                        "classify a device",
                        2,
                        "/dev/zero: is a character device, not an image file or folder",
                        "classify {root}/models/flower /dev/zero"),
                c(
                        "classify with a csv as model",
                        2,
                        "model-is-a.csv: is a file, not a model directory",
                        "classify {h}/model-is-a.csv {h}/ok.png"),
                // zoo
                c(
                        "import a fifo",
                        2,
                        "fifo.yaml: is a FIFO (named pipe), not a regular file; give a Keras weights file",
                        "zoo import-keras {h}/fifo.yaml --arch vgg16 --out {out}/vgg"),
                c(
                        "import a link loop",
                        2,
                        "loop.h5: is a symbolic link loop; point it at a real file",
                        "zoo import-keras {h}/loop.h5 --arch vgg16 --out {out}/vgg"),
                c(
                        "import /dev/zero",
                        2,
                        "/dev/zero: is a character device, not a regular file; give a Keras weights file",
                        "zoo import-keras /dev/zero --arch vgg16 --out {out}/vgg"),
                c(
                        "import an empty h5",
                        2,
                        "empty.h5",
                        "zoo import-keras {h}/empty.h5 --arch vgg16 --out {out}/vgg"),
                c(
                        "import a garbage h5",
                        2,
                        "garbage.h5",
                        "zoo import-keras {h}/garbage.h5 --arch vgg16 --out {out}/vgg"),
                c(
                        "import a truncated h5",
                        2,
                        "truncated.h5: a damaged or unsupported HDF5 file",
                        "zoo import-keras {h}/truncated.h5 --arch vgg16 --out {out}/vgg"),
                c(
                        "zoo export over a file",
                        2,
                        "existing.txt already exists; pass --overwrite",
                        "zoo export lenet5 -o {h}/existing.txt"),
                c(
                        "zoo export to /dev/null",
                        2,
                        "/dev/null is a character device",
                        "zoo export lenet5 -o /dev/null"));
    }

    /** Cases that need the backend readers' hardening (see the class comment). */
    static Stream<Arguments> backendCases() {
        String flower = " --data {samples}/data/flower.csv";
        return Stream.of(
                c(
                        "truncated checkpoint",
                        2,
                        "truncated-checkpoint/checkpoint",
                        "eval {h}/truncated-checkpoint" + flower),
                c(
                        "garbage state.properties",
                        2,
                        "garbage-state/checkpoint/state.properties",
                        "eval {h}/garbage-state" + flower),
                c(
                        "resume a garbage state",
                        2,
                        "garbage-state/checkpoint/state.properties",
                        "train --resume --out {h}/garbage-state"));
    }

    /** Cases that need the model-file reader's clean errors (the platform work of issue 7). */
    static Stream<Arguments> modelFileCases() {
        return Stream.of(
                c(
                        "garbage model file",
                        2,
                        "garbage.yaml",
                        "train --data {samples}/data/flower.csv --out {out} --model {h}/garbage.yaml"),
                c(
                        "garbage model.yaml in a model dir",
                        2,
                        "garbage-yaml/model.yaml",
                        "eval {h}/garbage-yaml --data {samples}/data/flower.csv"),
                c("empty model file", 2, "empty.yaml", "summary {h}/empty.yaml"));
    }

    private static Arguments c(String name, int exit, String fragment, String command) {
        return Arguments.of(name, exit, fragment, command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_reject_hostile_input_with_one_line_and_touch_nothing(
            String name, int exit, String fragment, String command) {
        check(name, exit, fragment, command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backendCases")
    void should_reject_hostile_input_the_backend_readers_must_refuse(
            String name, int exit, String fragment, String command) {
        check(name, exit, fragment, command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelFileCases")
    void should_reject_hostile_model_files_with_one_clean_line(
            String name, int exit, String fragment, String command) {
        check(name, exit, fragment, command);
    }

    private static void check(String name, int exit, String fragment, String command) {
        // given
        String out = "out-" + RUNS.incrementAndGet();
        List<String> args = new ArrayList<>(List.of("-q", "--threads", "2"));
        for (String word : command.split(" ")) {
            args.add(
                    word.replace("{h}", h.toString())
                            .replace("{out}", work.resolve(out).toString())
                            .replace("{samples}", SAMPLES)
                            .replace("{root}", root.toString()));
        }
        TreeSnapshot before = TreeSnapshot.of(root);

        // when
        Result r = DlkitProcess.runIn(work, FAST_START, TIMEOUT_S, args.toArray(String[]::new));

        // then
        assertThat(r.exitCode()).as(name + ": " + r).isEqualTo(exit);
        assertOneErrorLine(r, fragment, name);
        before.assertOnlyAdded(TreeSnapshot.of(root), p -> p.startsWith("work/out-"), name);
    }

    /**
     * Stderr holds one line, {@code error: ...} containing {@code fragment}, besides TensorFlow's
     * own start-up lines and the problem count {@code dlkit validate} ends with.
     */
    static void assertOneErrorLine(Result r, String fragment, String what) {
        List<String> lines =
                r.err()
                        .lines()
                        .filter(l -> !l.startsWith("WARNING: All log messages before absl"))
                        .filter(l -> !l.matches("[IWEF]\\d{4} .*"))
                        .filter(l -> !l.matches(".*: \\d+ problems?; nothing was run"))
                        .toList();
        assertThat(lines).as(what + ": " + r).hasSize(1);
        assertThat(lines.get(0))
                .as(what)
                .startsWith("error: ")
                .contains(fragment)
                .doesNotContain("Exception")
                .doesNotContain("internal error")
                .doesNotContain(".tmp")
                .doesNotContain("\tat ");
        assertThat(r.out()).as(what).isEmpty();
    }
}
