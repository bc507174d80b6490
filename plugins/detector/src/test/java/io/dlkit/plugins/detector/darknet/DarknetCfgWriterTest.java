package io.dlkit.plugins.detector.darknet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.testkit.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DarknetCfgWriterTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {"yolov2.cfg", "yolov2-voc.cfg", "yolov2-tiny.cfg", "yolov2-tiny-voc.cfg"})
    void should_write_a_cfg_that_reads_back_as_the_same_network(String name) throws Exception {
        Path cfg = DarknetNetworkTest.DARKNET.resolve(name);
        SharedData.require(cfg);
        DarknetNetwork net = DarknetNetwork.read(cfg);
        Path out = dir.resolve(name);

        DarknetCfgWriter.write(out, net);
        DarknetNetwork back = DarknetNetwork.read(out);

        assertThat(back.input()).isEqualTo(net.input());
        assertThat(back.layers()).hasSameSizeAs(net.layers());
        for (int i = 0; i < net.layers().size(); i++) {
            // records compare every field: kind, shapes, filters, padding, sources, anchors
            assertThat(back.layers().get(i)).isEqualTo(net.layers().get(i));
        }
    }

    @Test
    void should_write_routes_relative_and_padding_as_pad() {
        DarknetNetwork net = DarknetNetwork.of(DarknetCfg.parse(DarknetCfgTest.TINY, "t.cfg"));
        String text = DarknetCfgWriter.text(net);
        assertThat(text)
                .startsWith("[net]\nbatch=1\nsubdivisions=1\nwidth=32\nheight=32\nchannels=3\n")
                .contains("[route]\nlayers=-1,-3\n")
                .contains(
                        "[convolutional]\nbatch_normalize=1\nfilters=4\nsize=3\nstride=1\npad=1\n"
                                + "activation=leaky\n")
                .contains("[region]\nanchors=1.0,1.0,2.0,3.0\nbias_match=1\nclasses=10\n");
    }
}
