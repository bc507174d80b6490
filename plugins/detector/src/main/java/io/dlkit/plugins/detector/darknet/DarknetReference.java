package io.dlkit.plugins.detector.darknet;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-Java forward pass of a YOLOv2-family Darknet network, following Darknet's CPU code
 * ({@code forward_convolutional_layer}, {@code forward_maxpool_layer}, {@code reorg_cpu}, route
 * concatenation) in its {@code C x H x W} layout, one image. Slow (direct loops), meant as an
 * oracle for tests of an imported or exported network, beside OpenCV. The {@code [region]} layer is
 * left out: the result is the last convolution's raw output, what {@link
 * io.dlkit.plugins.detector.yolo.YoloDecoder} decodes (after a transpose to channels last).
 */
public final class DarknetReference {
    private DarknetReference() {}

    /**
     * The output of every layer for one {@code C x H x W} input image.
     *
     * @return one array per layer (a region layer repeats its input)
     */
    public static List<float[]> forward(DarknetNetwork net, DarknetWeights weights, float[] input) {
        requireNonNull(net, "net is null");
        requireNonNull(weights, "weights is null");
        FeatureShape in = net.input();
        if (input.length != in.height() * in.width() * in.channels()) {
            throw new IllegalArgumentException(
                    "input has " + input.length + " values, the network takes " + in);
        }
        List<float[]> outputs = new ArrayList<>();
        float[] x = input;
        for (DarknetLayer layer : net.layers()) {
            x = layer(layer, weights, x, outputs);
            outputs.add(x);
        }
        return outputs;
    }

    private static float[] layer(
            DarknetLayer layer, DarknetWeights weights, float[] x, List<float[]> before) {
        if (layer instanceof DarknetLayer.Convolutional c) {
            return convolutional(c, weights, x);
        } else if (layer instanceof DarknetLayer.MaxPool m) {
            return maxPool(m, x);
        } else if (layer instanceof DarknetLayer.Reorg r) {
            FeatureShape s = r.input();
            return DarknetReorg.forwardChw(x, s.channels(), s.height(), s.width(), r.stride());
        } else if (layer instanceof DarknetLayer.Route r) {
            int n = r.sources().stream().mapToInt(i -> before.get(i).length).sum();
            float[] out = new float[n];
            int at = 0;
            for (int src : r.sources()) { // CHW: concatenating channels is appending
                System.arraycopy(before.get(src), 0, out, at, before.get(src).length);
                at += before.get(src).length;
            }
            return out;
        }
        return x;
    }

    private static float[] convolutional(
            DarknetLayer.Convolutional c, DarknetWeights w, float[] x) {
        FeatureShape in = c.input();
        FeatureShape out = c.output();
        String p = "conv" + c.index();
        float[] kernel = w.tensors().get(p + "_kernel");
        int k = c.size();
        int spatial = out.height() * out.width();
        float[] y = new float[out.channels() * spatial];
        for (int f = 0; f < c.filters(); f++) {
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    double sum = 0;
                    for (int ch = 0; ch < in.channels(); ch++) {
                        for (int ky = 0; ky < k; ky++) {
                            int iy = oy * c.stride() + ky - c.padding();
                            for (int kx = 0; kx < k; kx++) {
                                int ix = ox * c.stride() + kx - c.padding();
                                if (iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width()) {
                                    sum +=
                                            kernel[((f * in.channels() + ch) * k + ky) * k + kx]
                                                    * x[(ch * in.height() + iy) * in.width() + ix];
                                }
                            }
                        }
                    }
                    y[f * spatial + oy * out.width() + ox] = (float) sum;
                }
            }
        }
        normaliseAndActivate(c, w, y, spatial);
        return y;
    }

    private static void normaliseAndActivate(
            DarknetLayer.Convolutional c, DarknetWeights w, float[] y, int spatial) {
        String p = "conv" + c.index();
        float[] bias = w.tensors().get(p + "_bias");
        for (int f = 0; f < c.filters(); f++) {
            for (int i = f * spatial; i < (f + 1) * spatial; i++) {
                float v = y[i];
                if (c.batchNormalize()) {
                    float sd = (float) Math.sqrt(w.tensors().get(p + "_bn_variance")[f]);
                    v = (v - w.tensors().get(p + "_bn_mean")[f]) / (sd + DarknetTensors.BN_EPSILON);
                    v *= w.tensors().get(p + "_bn_scale")[f];
                }
                v += bias[f];
                y[i] = c.activation().equals("leaky") && v < 0 ? DarknetTensors.LEAKY_SLOPE * v : v;
            }
        }
    }

    private static float[] maxPool(DarknetLayer.MaxPool m, float[] x) {
        FeatureShape in = m.input();
        FeatureShape out = m.output();
        int offset = -m.padding() / 2; // Darknet: w_offset = -l.pad / 2 (C integer division)
        float[] y = new float[out.channels() * out.height() * out.width()];
        for (int ch = 0; ch < out.channels(); ch++) {
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < m.size(); ky++) {
                        for (int kx = 0; kx < m.size(); kx++) {
                            int iy = offset + oy * m.stride() + ky;
                            int ix = offset + ox * m.stride() + kx;
                            if (iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width()) {
                                max = Math.max(max, x[(ch * in.height() + iy) * in.width() + ix]);
                            }
                        }
                    }
                    y[(ch * out.height() + oy) * out.width() + ox] = max;
                }
            }
        }
        return y;
    }
}
