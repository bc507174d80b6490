package io.dlkit.plugins.detector.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DarknetWeightsTest {
    private static final DarknetNetwork TINY =
            DarknetNetwork.of(DarknetCfg.parse(DarknetCfgTest.TINY, "tiny.cfg"));
    // one conv: 2 filters of 1x1 over 3 channels, batch-normalised: 2 + 3 * 2 + 2 * 3 = 14 floats
    private static final DarknetNetwork ONE_CONV =
            DarknetNetwork.of(
                    DarknetCfg.parse(
                            "[net]\nwidth=4\nheight=4\nchannels=3\n[convolutional]\n"
                                    + "batch_normalize=1\nfilters=2\nsize=1\nactivation=leaky\n",
                            "one.cfg"));

    @TempDir Path dir;

    @Test
    void should_read_the_layout_darknet_writes() throws Exception {
        // given: header 0.2.0 with seen as int64, then floats 0, 1, ..., 13 in file order
        Path f = dir.resolve("one.weights");
        ByteBuffer b = ByteBuffer.allocate(20 + 14 * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(2).putInt(0).putLong(64_000_000_000L);
        for (int i = 0; i < 14; i++) {
            b.putFloat(i);
        }
        Files.write(f, b.array());

        // when
        DarknetWeights w = DarknetWeights.read(f, ONE_CONV);

        // then: biases, scales, rolling mean, rolling variance, then kernel [out=2, in=3, 1, 1]
        assertThat(w.header()).isEqualTo(new WeightsHeader(0, 2, 0, 64_000_000_000L));
        assertThat(w.tensors().get("conv0_bias")).containsExactly(0, 1);
        assertThat(w.tensors().get("conv0_bn_scale")).containsExactly(2, 3);
        assertThat(w.tensors().get("conv0_bn_mean")).containsExactly(4, 5);
        assertThat(w.tensors().get("conv0_bn_variance")).containsExactly(6, 7);
        assertThat(w.tensors().get("conv0_kernel")).containsExactly(8, 9, 10, 11, 12, 13);
    }

    @Test
    void should_read_an_old_header_with_a_32_bit_seen() throws Exception {
        Path f = dir.resolve("old.weights");
        ByteBuffer b = ByteBuffer.allocate(16 + 14 * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(1).putInt(0).putInt(12_800);
        for (int i = 0; i < 14; i++) {
            b.putFloat(-i);
        }
        Files.write(f, b.array());

        DarknetWeights w = DarknetWeights.read(f, ONE_CONV);

        assertThat(w.header().seen()).isEqualTo(12_800);
        assertThat(w.header().bytes()).isEqualTo(16);
        assertThat(w.tensors().get("conv0_kernel")).containsExactly(-8, -9, -10, -11, -12, -13);
    }

    @Test
    void should_read_back_what_it_writes() throws Exception {
        for (WeightsHeader header :
                new WeightsHeader[] {
                    WeightsHeader.current(123_456), new WeightsHeader(0, 1, 0, 7)
                }) {
            // given: random values for every tensor of the small cfg
            Random r = new Random(5);
            Map<String, float[]> tensors = new LinkedHashMap<>();
            TINY.weightShapes()
                    .forEach(
                            (name, shape) -> {
                                float[] v = new float[DarknetWeights.count(shape)];
                                for (int i = 0; i < v.length; i++) {
                                    v[i] = (float) r.nextGaussian();
                                }
                                tensors.put(name, v);
                            });
            Path f = dir.resolve("tiny.weights");

            // when
            new DarknetWeights(header, tensors).write(f, TINY);
            DarknetWeights back = DarknetWeights.read(f, TINY);

            // then
            assertThat(Files.size(f)).isEqualTo(header.bytes() + 4 * TINY.parameterCount());
            assertThat(back.header()).isEqualTo(header);
            assertThat(back.tensors().keySet()).containsExactlyElementsOf(tensors.keySet());
            tensors.forEach((k, v) -> assertThat(back.tensors().get(k)).containsExactly(v));
        }
    }

    @Test
    void should_reject_a_truncated_or_too_long_file() throws Exception {
        Path f = dir.resolve("cut.weights");
        byte[] full = new byte[20 + 14 * 4];
        full[4] = 2; // minor 2: 64-bit seen
        Files.write(f, Arrays.copyOf(full, full.length - 6));
        assertThatThrownBy(() -> DarknetWeights.read(f, ONE_CONV))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        f
                                + ": the Darknet weights file is truncated: it holds 50 bytes of"
                                + " weights, the cfg needs 14 floats (56 bytes); use the .weights"
                                + " trained with this .cfg");
        Files.write(f, Arrays.copyOf(full, full.length + 4));
        assertThatThrownBy(() -> DarknetWeights.read(f, ONE_CONV))
                .hasMessageContaining("is longer than the cfg needs: it holds 60 bytes");
    }

    @Test
    void should_refuse_to_write_a_tensor_of_the_wrong_size() {
        Map<String, float[]> tensors = new LinkedHashMap<>();
        ONE_CONV.weightShapes()
                .forEach((k, s) -> tensors.put(k, new float[DarknetWeights.count(s)]));
        tensors.put("conv0_kernel", new float[5]);
        assertThatThrownBy(
                        () ->
                                new DarknetWeights(WeightsHeader.current(0), tensors)
                                        .write(dir.resolve("x.weights"), ONE_CONV))
                .hasMessage("tensor conv0_kernel needs 6 values, got 5");
        assertThat(dir.resolve("x.weights")).doesNotExist();
    }
}
