package io.dlkit.plugins.cnnzoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import io.dlkit.backend.nn.ModelSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact parameter counts of each architecture at its default spec, graphs built but never run.
 * Where Keras has the network the number is its {@code model.summary()} total ({@code
 * keras.applications}, 1000 classes, 224x224x3); otherwise it is the sum of {@code f_h f_w n_C n_f
 * + n_f} per conv and {@code n_prev units + units} per dense layer, written out in each row.
 */
class ParameterCountTest {
    private final ZooArchitectures zoo = new ZooArchitectures();

    @ParameterizedTest(name = "{0} top={1}: {2}")
    @CsvSource({
        // 156 + 2,416 + 48,120 + 10,164 + 850 (LeNet5's Javadoc, layer by layer)
        "lenet5,       true,  61706",
        // 156 + 2,416
        "lenet5,       false, 2572",
        // convs 34,944 + 614,656 + 885,120 + 1,327,488 + 884,992; fc 37,752,832 + 16,781,312
        // + 4,097,000
        "alexnet,      true,  62378344",
        "alexnet,      false, 3747200",
        // Keras VGG16 / VGG19
        "vgg16,        true,  138357544",
        "vgg16,        false, 14714688",
        "vgg19,        true,  143667240",
        "vgg19,        false, 20024384",
        // 9 inception blocks (1x1, 1x1+3x3, 1x1+5x5, pool+1x1 convs with biases) after the
        // 7x7, 1x1 and 3x3 stem convs; top 1024 * 1000 + 1000
        "inception_v1, true,  6998552",
        "inception_v1, false, 5973552",
    })
    void should_have_the_published_parameter_count(String name, boolean top, long expected) {
        // given
        ArchitectureSpec d = zoo.defaultSpec(name);
        // when
        ModelSummary s =
                Graphs.summary(
                        zoo.build(name, new ArchitectureSpec(d.inputShape(), d.classes(), top)));
        // then
        assertThat(s.totalParams()).isEqualTo(expected);
    }

    /**
     * Keras's ResNet50 has 25,636,712 parameters (23,587,712 without the top) because every block
     * convolution has a bias before its batch norm. dlkit's residual_block has no such option, so
     * this model has exactly those biases fewer: one per filter of each block conv and shortcut.
     */
    @Test
    void should_count_resnet50_exactly_as_keras_including_the_block_conv_biases() {
        // given: the per-stage filters and block counts of ResNet-50; Keras's block convolutions
        // have biases before their batch norms, 26,496 parameters that dlkit also keeps
        int[][] filters = {{64, 64, 256}, {128, 128, 512}, {256, 256, 1024}, {512, 512, 2048}};
        int[] blocks = {3, 4, 6, 3};
        long biases = 0;
        for (int s = 0; s < 4; s++) {
            biases += blocks[s] * (long) (filters[s][0] + filters[s][1] + filters[s][2]);
            biases += filters[s][2]; // the first block's 1x1 projection
        }
        assertThat(biases).isEqualTo(26_496);
        // when
        ModelSummary top = Graphs.summary(zoo.build("resnet50", zoo.defaultSpec("resnet50")));
        ModelSummary noTop =
                Graphs.summary(
                        zoo.build(
                                "resnet50",
                                new ArchitectureSpec(new long[] {224, 224, 3}, 1000, false)));
        // then
        assertThat(top.totalParams()).isEqualTo(25_636_712);
        assertThat(noTop.totalParams()).isEqualTo(23_587_712);
        // Keras: 53,120 non-trainable (the batch norms' moving means and variances)
        assertThat(top.nonTrainableParams()).isEqualTo(53_120);
    }

    @Test
    void should_size_the_top_by_the_classes() {
        // given: VGG-16's top is fc2 (4096) -> predictions, 4096 * classes + classes
        ModelSummary ten =
                Graphs.summary(
                        zoo.build(
                                "vgg16", new ArchitectureSpec(new long[] {224, 224, 3}, 10, true)));
        // then
        assertThat(ten.totalParams()).isEqualTo(138_357_544L - 4096 * 990 - 990);
    }
}
