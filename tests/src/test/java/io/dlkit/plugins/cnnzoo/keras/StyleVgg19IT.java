package io.dlkit.plugins.cnnzoo.keras;

import static io.dlkit.plugins.cnnzoo.keras.KerasCli.dlkit;
import static io.dlkit.plugins.cnnzoo.keras.KerasCli.importNoTop;
import static io.dlkit.plugins.cnnzoo.keras.KerasFixtures.vggNoTop;
import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Layout;
import io.dlkit.tests.DlkitProcess.Result;
import io.dlkit.tests.StyleImages;
import java.nio.file.Path;
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

    @TempDir Path dir;

    @Test
    void should_run_style_transfer_on_an_imported_vgg19_with_its_default_layers() throws Exception {
        // given
        StyleImages images = StyleImages.chelseaOnStarryNight();
        Path h5 =
                Layout.KERAS2.write(
                        dir.resolve("vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5"),
                        vggNoTop(CONVS, 19));
        Result imported = importNoTop(dir, h5, "vgg19", "64x96x3");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Path out = dir.resolve("g.png");

        // when
        Result r =
                dlkit(
                        dir,
                        images.styleArgs(
                                out,
                                "--size",
                                "96",
                                "--iterations",
                                "10",
                                // random weights give Gram matrices ~1e6: balance the two terms
                                "--style-weight",
                                "0.0001",
                                "--model",
                                dir.resolve("vgg19").toString()));

        // then
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out).isRegularFile();
        float[] content = pair(r.out(), "content_cost");
        float[] style = pair(r.out(), "style_cost");
        assertThat(content[1]).as(r.out()).isLessThan(content[0]);
        assertThat(style[1]).as(r.out()).isLessThan(style[0]);

        Result bad =
                dlkit(
                        dir,
                        images.styleArgs(
                                out,
                                "--size",
                                "96",
                                "--style-layers",
                                "block1_conv1,block9_conv1",
                                "--model",
                                dir.resolve("vgg19").toString()));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .contains("error: unknown layer 'block9_conv1' in loss network ")
                .contains("valid layers: block1_conv1, block1_conv2, block1_pool, block2_conv1");
    }

    private static float[] pair(String out, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ": \\[([-0-9.eE]+), ([-0-9.eE]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return new float[] {Float.parseFloat(m.group(1)), Float.parseFloat(m.group(2))};
    }
}
