package io.dlkit.plugins.cnnzoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.nn.Sequential;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Layer names (Keras's where Keras has the network) and output shapes of the built graphs. */
class ArchitectureLayoutTest {
    private final ZooArchitectures zoo = new ZooArchitectures();

    @Test
    void should_list_the_six_architectures_in_order() {
        assertThat(zoo.architectures())
                .containsExactly("lenet5", "alexnet", "vgg16", "vgg19", "resnet50", "inception_v1");
    }

    @Test
    void should_end_lenet5_in_ten_softmax_outputs() {
        // given
        Sequential model = zoo.build("lenet5", zoo.defaultSpec("lenet5"));
        // when
        List<long[]> shapes = Graphs.built(model, Sequential::layerOutputShapes);
        // then: 28 -> (pad 2) 28 -> 14 -> 10 -> 5 -> 400 -> 120 -> 84 -> 10
        assertThat(names(model))
                .containsExactly(
                        "conv1", "pool1", "conv2", "pool2", "flatten", "fc1", "fc2", "predictions");
        assertThat(shapes.get(0)).containsExactly(28, 28, 6);
        assertThat(shapes.get(3)).containsExactly(5, 5, 16);
        assertThat(shapes.get(shapes.size() - 1)).containsExactly(10);
    }

    @Test
    void should_name_vgg16_layers_as_keras_and_end_without_top_at_block5_pool() {
        // given
        Sequential top = zoo.build("vgg16", zoo.defaultSpec("vgg16"));
        Sequential noTop = zoo.build("vgg16", spec(224, 1000, false));
        // then
        assertThat(names(top))
                .contains("block1_conv1", "block4_conv2", "block5_conv3", "block5_pool")
                .endsWith("flatten", "fc1", "fc2", "predictions")
                .hasSize(13 + 5 + 4);
        assertThat(names(noTop)).last().isEqualTo("block5_pool");
        List<long[]> shapes = Graphs.built(noTop, Sequential::layerOutputShapes);
        assertThat(shapes.get(shapes.size() - 1)).containsExactly(7, 7, 512);
    }

    @Test
    void should_give_vgg19_four_convs_in_blocks_3_to_5() {
        assertThat(names(zoo.build("vgg19", zoo.defaultSpec("vgg19"))))
                .contains("block3_conv4", "block4_conv4", "block5_conv4")
                .hasSize(16 + 5 + 4);
    }

    @Test
    void should_name_resnet50_blocks_by_their_keras_outputs() {
        // given
        Sequential model = zoo.build("resnet50", spec(224, 1000, false));
        // when
        long[] stage4 =
                Graphs.built(
                        model,
                        m -> m.layerOutputShapes().get(names(m).indexOf("conv4_block6_out")));
        // then: 16 blocks after the stem; 224 / 16 = 14 at the end of stage 4
        assertThat(names(model))
                .startsWith(
                        "conv1_pad",
                        "conv1_conv",
                        "conv1_bn",
                        "conv1_relu",
                        "pool1_pad",
                        "pool1_pool")
                .contains("conv2_block1_out", "conv3_block4_out", "conv4_block6_out")
                .hasSize(6 + 16);
        assertThat(names(model)).last().isEqualTo("conv5_block3_out");
        assertThat(stage4).containsExactly(14, 14, 1024);
    }

    @Test
    void should_end_resnet50_in_global_average_pooling_and_predictions() {
        Sequential model = zoo.build("resnet50", zoo.defaultSpec("resnet50"));
        List<long[]> shapes = Graphs.built(model, Sequential::layerOutputShapes);
        assertThat(names(model)).endsWith("conv5_block3_out", "avg_pool", "predictions");
        assertThat(shapes.get(shapes.size() - 3)).containsExactly(7, 7, 2048);
        assertThat(shapes.get(shapes.size() - 1)).containsExactly(1000);
    }

    @Test
    void should_stack_googlenet_to_7x7x1024_at_inception_5b() {
        // given
        Sequential model = zoo.build("inception_v1", zoo.defaultSpec("inception_v1"));
        // when
        List<long[]> shapes = Graphs.built(model, Sequential::layerOutputShapes);
        // then: channels of 3a = 64 + 128 + 32 + 32; 5b = 384 + 384 + 128 + 128
        List<String> names = names(model);
        assertThat(shapes.get(names.indexOf("inception_3a"))).containsExactly(28, 28, 256);
        assertThat(shapes.get(names.indexOf("inception_4e"))).containsExactly(14, 14, 832);
        assertThat(shapes.get(names.indexOf("inception_5b"))).containsExactly(7, 7, 1024);
        assertThat(names).contains("pool3_3x3_s2", "pool4_3x3_s2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lenet5", "alexnet", "vgg16", "vgg19", "resnet50", "inception_v1"})
    void should_build_at_its_smallest_input_down_to_one_pixel(String name) {
        // given: the smallest input the architecture claims to take
        int min = zoo.minInputSize(name);
        Sequential model = zoo.build(name, new ArchitectureSpec(new long[] {min, min, 3}, 5, true));
        // when
        List<long[]> shapes = Graphs.built(model, Sequential::layerOutputShapes);
        // then
        assertThat(shapes.get(shapes.size() - 1)).containsExactly(5);
    }

    @Test
    void should_write_a_model_file_that_round_trips_through_sequential() {
        // given
        Map<String, Object> config = zoo.config("resnet50", zoo.defaultSpec("resnet50"));
        // when
        Sequential model = Sequential.fromConfig(config);
        // then
        assertThat(Sequential.fromConfig(model.config())).isEqualTo(model);
        assertThat(config.get("input_shape")).isEqualTo(List.of(224, 224, 3));
    }

    private static ArchitectureSpec spec(int size, int classes, boolean top) {
        return new ArchitectureSpec(new long[] {size, size, 3}, classes, top);
    }

    private static List<String> names(Sequential model) {
        return model.layers().stream().map(Layer::name).toList();
    }
}
