package io.dlkit.plugins.cnnzoo.keras;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.KLayer;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Layout;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Weights;
import io.dlkit.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlkit style --model DIR} on a VGG-19 imported with {@code dlkit zoo import-keras} from a
 * Keras 2 no-top weight file (random weights, written by the cnn-zoo fixtures): the default VGG
 * layers (block4_conv2; block1_conv1 ... block5_conv1) are found, both costs fall, the result is
 * written, and an unknown style layer is refused with the valid ones listed. (It lives in the
 * importer's package to reuse the plugin's test fixtures.)
 */
class StyleVgg19IT {
    private static final int[] CONVS = {2, 2, 4, 4, 4};
    private static final int[] FILTERS = {64, 128, 256, 512, 512};
    private static final Path DIST = Path.of(System.getProperty("dlkit.dist", "target/dlkit"));

    @TempDir Path dir;

    @Test
    void should_run_style_transfer_on_an_imported_vgg19_with_its_default_layers() throws Exception {
        // given
        Path chelsea = SharedData.require("data/images/chelsea.png");
        Path starry = SharedData.require("data/images/starry_night.jpg");
        Path h5 =
                Layout.KERAS2.write(
                        dir.resolve("vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5"),
                        vggLayers());
        Result imported =
                dlkit(
                        "zoo",
                        "import-keras",
                        h5.toString(),
                        "--arch",
                        "vgg19",
                        "--no-top",
                        "--input",
                        "64x96x3",
                        "--out",
                        dir.resolve("vgg19").toString());
        assertThat(imported.code).as(imported.err).isZero();
        Path out = dir.resolve("g.png");

        // when
        Result r =
                dlkit(
                        "style",
                        "--content",
                        chelsea.toString(),
                        "--style",
                        starry.toString(),
                        "--out",
                        out.toString(),
                        "--size",
                        "96",
                        "--iterations",
                        "10",
                        // random weights give Gram matrices ~1e6: balance the two terms
                        "--style-weight",
                        "0.0001",
                        "--model",
                        dir.resolve("vgg19").toString());

        // then
        assertThat(r.code).as(r.err).isZero();
        assertThat(out).isRegularFile();
        float[] content = pair(r.out, "content_cost");
        float[] style = pair(r.out, "style_cost");
        assertThat(content[1]).as(r.out).isLessThan(content[0]);
        assertThat(style[1]).as(r.out).isLessThan(style[0]);

        Result bad =
                dlkit(
                        "style",
                        "--content",
                        chelsea.toString(),
                        "--style",
                        starry.toString(),
                        "--out",
                        out.toString(),
                        "--size",
                        "96",
                        "--style-layers",
                        "block1_conv1,block9_conv1",
                        "--model",
                        dir.resolve("vgg19").toString());
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err)
                .contains("error: unknown layer 'block9_conv1' in loss network ")
                .contains("valid layers: block1_conv1, block1_conv2, block1_pool, block2_conv1");
    }

    private static List<KLayer> vggLayers() {
        Weights w = new Weights(19);
        List<KLayer> layers = new ArrayList<>();
        layers.add(KLayer.plain("input_1", "input_layer"));
        int in = 3;
        for (int b = 0; b < CONVS.length; b++) {
            for (int c = 1; c <= CONVS[b]; c++) {
                layers.add(w.conv("block" + (b + 1) + "_conv" + c, 3, in, FILTERS[b]));
                in = FILTERS[b];
            }
            layers.add(KLayer.plain("block" + (b + 1) + "_pool", "max_pooling2d"));
        }
        return layers;
    }

    private static float[] pair(String out, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ": \\[([-0-9.eE]+), ([-0-9.eE]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return new float[] {Float.parseFloat(m.group(1)), Float.parseFloat(m.group(2))};
    }

    private record Result(int code, String out, String err) {}

    private Result dlkit(String... args) throws IOException, InterruptedException {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                DIST.toAbsolutePath().resolve("bin/dlkit").toString(),
                                "--threads",
                                "2"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p =
                new ProcessBuilder(cmd)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("dlkit did not finish in 300 s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
