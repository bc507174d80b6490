package io.dlkit.plugins.cnnzoo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import org.junit.jupiter.api.Test;

/** Specs an architecture cannot take fail with one line naming the architecture. */
class ArchitectureSpecTest {
    private final ZooArchitectures zoo = new ZooArchitectures();

    @Test
    void should_reject_an_unknown_architecture_with_a_suggestion() {
        assertThatThrownBy(() -> zoo.config("vgg61", zoo.defaultSpec("vgg16")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown architecture 'vgg61' (did you mean vgg16?); known: lenet5,"
                                + " alexnet, vgg16, vgg19, resnet50, inception_v1");
    }

    @Test
    void should_reject_an_input_below_the_smallest_size() {
        // given: VGG halves 5 times, so 31 leaves no pixel after block5_pool
        ArchitectureSpec spec = new ArchitectureSpec(new long[] {31, 64, 3}, 10, true);
        // then
        assertThatThrownBy(() -> zoo.build("vgg16", spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vgg16: input 31x64x3 is too small; height and width must be >= 32");
    }

    @Test
    void should_reject_alexnet_one_pixel_below_67() {
        // 66: conv1 (66 - 11) / 4 + 1 = 14, pool1 6, pool2 2, pool5 floor(-1/2) + 1 = 0
        ArchitectureSpec spec = new ArchitectureSpec(new long[] {66, 66, 3}, 10, true);
        assertThatThrownBy(() -> zoo.build("alexnet", spec))
                .hasMessage("alexnet: input 66x66x3 is too small; height and width must be >= 67");
    }

    @Test
    void should_reject_an_input_that_is_not_an_image() {
        ArchitectureSpec spec = new ArchitectureSpec(new long[] {784}, 10, true);
        assertThatThrownBy(() -> zoo.build("lenet5", spec))
                .hasMessage(
                        "lenet5: the input shape must be [height, width, channels], each >= 1, got"
                                + " [784]");
    }

    @Test
    void should_reject_fewer_than_one_class() {
        ArchitectureSpec spec = new ArchitectureSpec(new long[] {28, 28, 1}, 0, true);
        assertThatThrownBy(() -> zoo.build("lenet5", spec))
                .hasMessage("lenet5: classes must be >= 1, got 0");
    }
}
