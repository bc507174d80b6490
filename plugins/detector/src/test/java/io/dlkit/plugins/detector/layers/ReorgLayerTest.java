package io.dlkit.plugins.detector.layers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.plugins.detector.darknet.DarknetReorg;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

class ReorgLayerTest {
    @Test
    void should_reorder_as_darknet_does() {
        // given: a 4x6x8 map whose values are their own flat HWC positions
        int h = 4, w = 6, c = 8;
        float[] x = new float[h * w * c];
        for (int i = 0; i < x.length; i++) x[i] = i;
        int[] gather = DarknetReorg.hwcGatherIndices(h, w, c, 2);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            ReorgLayer layer = new ReorgLayer("reorg", 2);
            // when
            long[] out = layer.build(g, new long[] {h, w, c});
            Operand<TFloat32> in =
                    g.tf().constant(
                                    org.tensorflow.ndarray.Shape.of(1, h, w, c),
                                    org.tensorflow.ndarray.buffer.DataBuffers.of(x, true, false));
            Operand<TFloat32> y = layer.call(g, in, null);
            Operand<TFloat32> tf = g.tf().nn.spaceToDepth(in, 2L);
            try (Result r = g.session().runner().fetch(y).run();
                    Result s2d = g.session().runner().fetch(tf).run()) {
                float[] got = Tensors.toFloats(r.get(0));
                // then: out[p] = in[gather[p]], Darknet's order, not SpaceToDepth's
                assertThat(out).containsExactly(2, 3, 32);
                for (int p = 0; p < got.length; p++) assertThat(got[p]).isEqualTo(gather[p]);
                assertThat(got).isNotEqualTo(Tensors.toFloats(s2d.get(0)));
            }
        }
    }
}
