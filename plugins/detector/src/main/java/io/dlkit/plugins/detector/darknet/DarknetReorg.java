package io.dlkit.plugins.detector.darknet;

/**
 * Darknet's {@code [reorg]} exactly as pjreddie's Darknet computes it, which is <em>not</em>
 * TensorFlow's {@code SpaceToDepth}: {@code forward_reorg_layer} calls {@code reorg_cpu(input, w,
 * h, c, batch, stride, 0, output)} with the <em>input</em> sizes, so it reads the {@code C x H x W}
 * input as if it were a {@code C/s^2 x Hs x Ws} map and writes {@code out[i + w(j + h k)] = x[w2 +
 * ws(h2 + hs c2)]} with {@code c2 = k mod C/s^2}, {@code o = k div (C/s^2)}, {@code w2 = is + o mod
 * s}, {@code h2 = js + o div s}. The result has the {@code H/s x W/s x Cs^2} shape of a
 * space-to-depth but a different element order; weights trained by Darknet (YOLOv2's passthrough)
 * expect this order, so an imported network must reproduce it, e.g. by a gather with {@link
 * #hwcGatherIndices}.
 */
public final class DarknetReorg {
    private DarknetReorg() {}

    /**
     * Darknet's forward reorg of one image in Darknet's own {@code C x H x W} layout.
     *
     * @return {@code C s^2 x H/s x W/s} values, in Darknet's layout
     */
    public static float[] forwardChw(float[] x, int c, int h, int w, int stride) {
        check(x.length, c, h, w, stride);
        float[] out = new float[x.length];
        int outC = c / (stride * stride);
        for (int k = 0; k < c; k++) {
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    int c2 = k % outC;
                    int offset = k / outC;
                    int w2 = i * stride + offset % stride;
                    int h2 = j * stride + offset / stride;
                    out[i + w * (j + h * k)] = x[w2 + w * stride * (h2 + h * stride * c2)];
                }
            }
        }
        return out;
    }

    /**
     * The same reorg for channels-last tensors: {@code out[p] = in[indices[p]]} where {@code in} is
     * an {@code H x W x C} image flattened and {@code out} the {@code H/s x W/s x C s^2} result
     * flattened. A graph can apply it as reshape, gather on the flat axis, reshape.
     */
    public static int[] hwcGatherIndices(int h, int w, int c, int stride) {
        check(h * w * c, c, h, w, stride);
        int n = h * w * c;
        float[] chwPositions = new float[n]; // position p of the CHW input holds its own index
        for (int p = 0; p < n; p++) {
            chwPositions[p] = p;
        }
        float[] outChw = forwardChw(chwPositions, c, h, w, stride);
        int oh = h / stride;
        int ow = w / stride;
        int oc = c * stride * stride;
        int[] indices = new int[n];
        for (int q = 0; q < oc; q++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    int src = (int) outChw[(q * oh + y) * ow + x]; // a CHW index of the input
                    int sc = src / (h * w);
                    int sy = (src / w) % h;
                    int sx = src % w;
                    indices[(y * ow + x) * oc + q] = (sy * w + sx) * c + sc;
                }
            }
        }
        return indices;
    }

    private static void check(int length, int c, int h, int w, int stride) {
        if (stride < 1 || h % stride != 0 || w % stride != 0 || c % (stride * stride) != 0) {
            throw new IllegalArgumentException(
                    "reorg stride "
                            + stride
                            + " needs H, W divisible"
                            + " by it and C by its square, got "
                            + h
                            + "x"
                            + w
                            + "x"
                            + c);
        }
        if (length != c * h * w) {
            throw new IllegalArgumentException(
                    "reorg input has " + length + " values, not " + c + "x" + h + "x" + w);
        }
    }
}
