package io.dlkit.plugins.detector.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.testkit.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DarknetNetworkTest {
    static final Path DARKNET = SharedData.root().resolve("data/models/darknet");

    @Test
    void should_compute_the_shapes_and_parameters_of_a_small_cfg() {
        DarknetNetwork net = DarknetNetwork.of(DarknetCfg.parse(DarknetCfgTest.TINY, "tiny.cfg"));

        // 0 conv 3x3 pad 1: 32x32x4;  1 maxpool 2/2: (32 + 1 - 2)/2 + 1 = 16: 16x16x4;
        // 2 conv 1x1 (pad=1 means size/2 = 0): 16x16x5;  3 route -1: 16x16x5;
        // 4 conv 3x3/2 pad 1: (16 + 2 - 3)/2 + 1 = 8: 8x8x8;  5 route -3 = layer 2: 16x16x5;
        // 6 reorg 2: 8x8x20;  7 route -1,-3 = layers 6 and 4: 8x8x28;  8 conv 1x1: 8x8x30;
        // 9 region: 2 * (4 + 1 + 10) = 30 channels
        // parameters: (4*3*9 + 4*4) + (5*4 + 5) + (8*5*9 + 8) + (30*28 + 30) = 124 + 25 + 368 + 870
        assertThat(net.input()).isEqualTo(new FeatureShape(32, 32, 3));
        assertThat(net.layers())
                .extracting(DarknetLayer::output)
                .containsExactly(
                        new FeatureShape(32, 32, 4),
                        new FeatureShape(16, 16, 4),
                        new FeatureShape(16, 16, 5),
                        new FeatureShape(16, 16, 5),
                        new FeatureShape(8, 8, 8),
                        new FeatureShape(16, 16, 5),
                        new FeatureShape(8, 8, 20),
                        new FeatureShape(8, 8, 28),
                        new FeatureShape(8, 8, 30),
                        new FeatureShape(8, 8, 30));
        assertThat(net.parameterCount()).isEqualTo(124 + 25 + 368 + 870);
        assertThat(net.weightShapes().keySet())
                .containsExactly(
                        "conv0_bias",
                        "conv0_bn_scale",
                        "conv0_bn_mean",
                        "conv0_bn_variance",
                        "conv0_kernel",
                        "conv2_bias",
                        "conv2_kernel",
                        "conv4_bias",
                        "conv4_kernel",
                        "conv8_bias",
                        "conv8_kernel");
        assertThat(net.weightShapes().get("conv8_kernel")).containsExactly(30, 28, 1, 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // Tiny-YOLOv2 VOC, by hand, filters * (in * k * k) + filters * (4 with BN, else 1):
        //   16*3*9 + 64 = 496;  32*16*9 + 128 = 4736;  64*32*9 + 256 = 18688;
        //   128*64*9 + 512 = 74240;  256*128*9 + 1024 = 295936;  512*256*9 + 2048 = 1181696;
        //   1024*512*9 + 4096 = 4722688;  1024*1024*9 + 4096 = 9441280;  125*1024 + 125 = 128125
        //   sum 15,867,885
        "yolov2-tiny-voc.cfg, 15867885, 13, 125",
        // Tiny-YOLOv2 COCO: the first six as above (1,575,792), then 1024*512*9 + 4096 =
        //   4722688, 512*1024*9 + 2048 = 4720640, 425*512 + 425 = 218025: 11,237,145
        "yolov2-tiny.cfg, 11237145, 13, 425",
        // YOLOv2 COCO at 608 (YAD2K's yolo.h5 summary says the same 50,983,561):
        //   992 + 18688 + 74240 + 8448 + 74240 + 295936 + 33280 + 295936 + 1181696 + 132096
        //   + 1181696 + 132096 + 1181696 + 4722688 + 526336 + 4722688 + 526336 + 4722688
        //   + 9441280 + 9441280 (the two 3x3x1024 after the backbone) + 33024 (1x1x64 on the
        //   26x26x512 passthrough) + 11800576 (3x3x1024 on 1024 + 256 = 1280 channels)
        //   + 435625 (1x1x425 on 1024) = 50,983,561
        "yolov2.cfg, 50983561, 19, 425",
        // YOLOv2 VOC at 416: the last conv has 125 filters: 50983561 - 435625 + 128125
        "yolov2-voc.cfg, 50676061, 13, 125",
    })
    void should_parse_the_real_cfgs_with_their_hand_computed_parameter_counts(
            String file, long parameters, int grid, int channels) throws Exception {
        Path cfg = DARKNET.resolve(file);
        SharedData.require(cfg);

        DarknetNetwork net = DarknetNetwork.read(cfg);

        assertThat(net.parameterCount()).isEqualTo(parameters);
        DarknetLayer.Region region = net.region().orElseThrow();
        assertThat(region.output()).isEqualTo(new FeatureShape(grid, grid, channels));
        assertThat(region.num()).isEqualTo(5);
        assertThat(region.anchorArray()).hasSize(10);
        long sum = net.weightShapes().values().stream().mapToLong(DarknetWeights::count).sum();
        assertThat(sum).isEqualTo(parameters);
    }

    @Test
    void should_size_weights_files_as_the_published_ones() throws Exception {
        Path cfg = DARKNET.resolve("yolov2.cfg");
        SharedData.require(cfg);
        // pjreddie's yolov2.weights is 203,934,260 bytes: a version 0.1 header (16 bytes, 32-bit
        // seen) and 50,983,561 floats
        WeightsHeader v01 = new WeightsHeader(0, 1, 0, 0);
        assertThat(v01.bytes() + 4 * DarknetNetwork.read(cfg).parameterCount())
                .isEqualTo(203_934_260L);
    }

    @Test
    void should_follow_yolov2s_passthrough_shapes() throws Exception {
        Path cfg = DARKNET.resolve("yolov2.cfg");
        SharedData.require(cfg);

        DarknetNetwork net = DarknetNetwork.read(cfg);

        // layer 16 is the last 38x38x512 conv; route -9 from 25 takes it; 1x1x64; reorg 2 makes
        // 19x19x256; route -1,-4 joins it with layer 24 (19x19x1024): 1280 channels
        assertThat(net.layers().get(16).output()).isEqualTo(new FeatureShape(38, 38, 512));
        assertThat(((DarknetLayer.Route) net.layers().get(25)).sources()).containsExactly(16);
        assertThat(net.layers().get(27).output()).isEqualTo(new FeatureShape(19, 19, 256));
        assertThat(((DarknetLayer.Route) net.layers().get(28)).sources()).containsExactly(27, 24);
        assertThat(net.layers().get(28).output()).isEqualTo(new FeatureShape(19, 19, 1280));
        assertThat(net.layers()).hasSize(32);
    }

    @Test
    void should_report_yolov3_layers_as_unsupported_at_their_line() {
        Path cfg = DARKNET.resolve("yolov3-tiny.cfg");
        SharedData.require(cfg);

        assertThatThrownBy(() -> DarknetNetwork.read(cfg))
                .hasMessage(
                        cfg
                                + ":132: [yolo] is not supported: dlkit reads the YOLOv2 family"
                                + " ([convolutional], [maxpool], [route], [reorg], [region]);"
                                + " use a YOLOv2 or Tiny-YOLOv2 cfg");
    }

    @Test
    void should_report_shape_errors_at_their_line() {
        String wrongFilters = DarknetCfgTest.TINY.replace("filters=30", "filters=31");
        assertThatThrownBy(() -> DarknetNetwork.of(DarknetCfg.parse(wrongFilters, "t.cfg")))
                .hasMessage(
                        "t.cfg:50: [region] needs num * (coords + 1 + classes) = 30 input channels,"
                                + " the layer before gives 31; set filters=30 in the last"
                                + " [convolutional]");
        String badRoute = DarknetCfgTest.TINY.replace("layers=-1,-3", "layers=-1,-9");
        assertThatThrownBy(() -> DarknetNetwork.of(DarknetCfg.parse(badRoute, "t.cfg")))
                .hasMessage(
                        "t.cfg:43: layers=-9 points to layer -2, outside 0..6; refer to an"
                                + " earlier layer");
        String mish = DarknetCfgTest.TINY.replace("activation=leaky", "activation=mish");
        assertThatThrownBy(() -> DarknetNetwork.of(DarknetCfg.parse(mish, "t.cfg")))
                .hasMessage("t.cfg:13: activation 'mish' is not supported; use leaky or linear");
    }
}
