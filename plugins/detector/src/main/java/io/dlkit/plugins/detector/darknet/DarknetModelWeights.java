package io.dlkit.plugins.detector.darknet;

import io.dlkit.backend.io.NdArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights between a Darknet {@code .weights} file and a model made by {@link DarknetModelConfig}:
 * kernels {@code [o, i, h, w]} to HWIO; a batch-normalised convolution's Darknet "biases" are batch
 * norm's beta and its "scales" gamma; rolling variances become {@code (sqrt(var) + 1e-6)^2 - eps}
 * (see {@link DarknetModelConfig#BN_EPSILON}) and back.
 */
public final class DarknetModelWeights {
    private DarknetModelWeights() {}

    /**
     * The model's variables by name from a Darknet file's tensors; the k-th convolution of {@code
     * net} is the layer {@code convNames.get(k)}.
     */
    public static Map<String, NdArray> toModel(
            DarknetNetwork net, DarknetWeights weights, List<String> convNames) {
        Map<String, float[]> t = weights.tensors();
        Map<String, NdArray> out = new LinkedHashMap<>();
        List<DarknetLayer.Convolutional> convs = convolutions(net, convNames);
        for (int k = 0; k < convs.size(); k++) {
            DarknetLayer.Convolutional c = convs.get(k);
            String d = "conv" + c.index();
            String m = convNames.get(k);
            int o = c.filters();
            int i = c.input().channels();
            float[] kernel =
                    DarknetTensors.oihwToHwio(t.get(d + "_kernel"), o, i, c.size(), c.size());
            out.put(m + "_kernel", NdArray.of(kernel, c.size(), c.size(), i, o));
            if (c.batchNormalize()) {
                out.put(m + "_gamma", NdArray.of(t.get(d + "_bn_scale").clone(), o));
                out.put(m + "_beta", NdArray.of(t.get(d + "_bias").clone(), o));
                out.put(m + "_moving_mean", NdArray.of(t.get(d + "_bn_mean").clone(), o));
                out.put(
                        m + "_moving_variance",
                        NdArray.of(toBackend(t.get(d + "_bn_variance")), o));
            } else {
                out.put(m + "_bias", NdArray.of(t.get(d + "_bias").clone(), o));
            }
        }
        return out;
    }

    /** A Darknet file's tensors from the model's variables, the inverse of {@link #toModel}. */
    public static DarknetWeights toDarknet(
            DarknetNetwork net, Map<String, NdArray> weights, List<String> convNames, long seen) {
        Map<String, float[]> out = new LinkedHashMap<>();
        List<DarknetLayer.Convolutional> convs = convolutions(net, convNames);
        for (int k = 0; k < convs.size(); k++) {
            DarknetLayer.Convolutional c = convs.get(k);
            String d = "conv" + c.index();
            String m = convNames.get(k);
            if (c.batchNormalize()) {
                out.put(d + "_bias", get(weights, m + "_beta"));
                out.put(d + "_bn_scale", get(weights, m + "_gamma"));
                out.put(d + "_bn_mean", get(weights, m + "_moving_mean"));
                out.put(d + "_bn_variance", toDarknet(get(weights, m + "_moving_variance")));
            } else {
                out.put(d + "_bias", get(weights, m + "_bias"));
            }
            out.put(
                    d + "_kernel",
                    DarknetTensors.hwioToOihw(
                            get(weights, m + "_kernel"),
                            c.size(),
                            c.size(),
                            c.input().channels(),
                            c.filters()));
        }
        return new DarknetWeights(WeightsHeader.current(seen), out);
    }

    private static List<DarknetLayer.Convolutional> convolutions(
            DarknetNetwork net, List<String> convNames) {
        List<DarknetLayer.Convolutional> convs =
                net.layers().stream()
                        .filter(l -> l instanceof DarknetLayer.Convolutional)
                        .map(l -> (DarknetLayer.Convolutional) l)
                        .toList();
        if (convs.size() != convNames.size()) {
            throw new IllegalArgumentException(
                    "the network has "
                            + convs.size()
                            + " convolutions, the model "
                            + convNames.size());
        }
        return convs;
    }

    private static float[] get(Map<String, NdArray> weights, String name) {
        NdArray a = weights.get(name);
        if (a == null) {
            throw new IllegalArgumentException(
                    "the model has no variable " + name + "; variables: " + weights.keySet());
        }
        return a.floats().clone();
    }

    private static float[] toBackend(float[] darknetVariance) {
        float[] v = new float[darknetVariance.length];
        for (int i = 0; i < v.length; i++) {
            double sd = Math.sqrt(Math.max(0, darknetVariance[i])) + DarknetTensors.BN_EPSILON;
            v[i] = (float) Math.max(0, sd * sd - DarknetModelConfig.BN_EPSILON);
        }
        return v;
    }

    private static float[] toDarknet(float[] variance) {
        float[] v = new float[variance.length];
        for (int i = 0; i < v.length; i++) {
            double sd =
                    Math.sqrt(Math.max(0, variance[i]) + DarknetModelConfig.BN_EPSILON)
                            - DarknetTensors.BN_EPSILON;
            v[i] = (float) (sd * sd);
        }
        return v;
    }
}
