package io.dlkit.plugins.detector;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.plugins.detector.darknet.DarknetLayer;
import io.dlkit.plugins.detector.darknet.DarknetNetwork;
import io.dlkit.testkit.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YoloArchitectureTest {
    static final Path DARKNET = SharedData.root().resolve("data/models/darknet");

    @Test
    void should_write_the_published_tiny_yolov2_voc_network() throws Exception {
        // given: pjreddie's cfg (15,867,885 parameters, counted by hand in DarknetNetworkTest)
        Path cfg = DARKNET.resolve("yolov2-tiny-voc.cfg");
        SharedData.require(cfg);
        DarknetNetwork published = DarknetNetwork.read(cfg);
        // when
        DarknetNetwork ours =
                new TinyYoloV2(416, 20, YoloArchitecture.TINY_VOC_ANCHORS, 1).network("tiny");
        // then: the same layers with the same shapes, hence the same .weights layout
        assertThat(shapes(ours.layers())).isEqualTo(shapes(published.layers()));
        assertThat(ours.parameterCount()).isEqualTo(15_867_885L);
        assertThat(ours.region().orElseThrow().anchors())
                .isEqualTo(published.region().orElseThrow().anchors());
    }

    @Test
    void should_write_the_published_yolov2_voc_network_with_its_passthrough() throws Exception {
        // given
        Path cfg = DARKNET.resolve("yolov2-voc.cfg");
        SharedData.require(cfg);
        DarknetNetwork published = DarknetNetwork.read(cfg);
        // when
        DarknetNetwork ours = new YoloV2(416, 20, YoloArchitecture.VOC_ANCHORS, 1).network("v2");
        // then
        assertThat(shapes(ours.layers())).isEqualTo(shapes(published.layers()));
        assertThat(ours.parameterCount()).isEqualTo(published.parameterCount());
        assertThat(ours.layers().get(25)).isInstanceOf(DarknetLayer.Route.class);
        assertThat(((DarknetLayer.Route) ours.layers().get(28)).sources()).containsExactly(27, 24);
    }

    private static List<String> shapes(List<DarknetLayer> layers) {
        return layers.stream().map(l -> l.getClass().getSimpleName() + " " + l.output()).toList();
    }
}
