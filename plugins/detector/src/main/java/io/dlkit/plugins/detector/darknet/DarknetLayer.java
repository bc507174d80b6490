package io.dlkit.plugins.detector.darknet;

import java.util.List;

/**
 * One layer of a YOLOv2-family Darknet network, with the shape it outputs. {@code index} is the
 * layer's position among the sections after {@code [net]}, counted from 0 as Darknet counts them
 * (what {@code [route] layers=} refers to).
 */
public sealed interface DarknetLayer {
    /** Position after {@code [net]}, from 0. */
    int index();

    /** The shape this layer outputs. */
    FeatureShape output();

    /**
     * {@code [convolutional]}: {@code filters} kernels of {@code size x size} at {@code stride},
     * zero padding {@code padding} on each side ({@code size / 2} when {@code pad=1}), then batch
     * normalisation (if {@code batchNormalize}) and {@code leaky} (slope 0.1) or {@code linear}.
     */
    record Convolutional(
            int index,
            FeatureShape input,
            FeatureShape output,
            int filters,
            int size,
            int stride,
            int padding,
            boolean batchNormalize,
            String activation)
            implements DarknetLayer {
        /**
         * The floats this layer stores in a {@code .weights} file: {@code filters} biases, 3 x
         * {@code filters} for scales, rolling means and variances if batch-normalised, and {@code
         * filters x in x size x size} weights.
         */
        public long parameterCount() {
            long n = filters;
            return n * (batchNormalize ? 4 : 1) + n * input.channels() * size * size;
        }
    }

    /** {@code [maxpool]}: the maximum over {@code size x size} at {@code stride}. */
    record MaxPool(
            int index, FeatureShape input, FeatureShape output, int size, int stride, int padding)
            implements DarknetLayer {}

    /**
     * {@code [route]}: the outputs of {@code sources} (absolute indices) concatenated on channels.
     */
    record Route(int index, List<Integer> sources, FeatureShape output) implements DarknetLayer {
        /** Copies the list. */
        public Route {
            sources = List.copyOf(sources);
        }
    }

    /**
     * {@code [reorg]}: space to depth, each {@code stride x stride} block of a channel becomes
     * {@code stride^2} channels (YOLOv2's passthrough).
     */
    record Reorg(int index, FeatureShape input, FeatureShape output, int stride)
            implements DarknetLayer {}

    /**
     * {@code [region]}: YOLOv2's detection output over the grid; {@code anchors} are {@code num}
     * (w, h) pairs in grid cells. Its output is its input, {@code num * (coords + 1 + classes)}
     * channels.
     */
    record Region(
            int index, FeatureShape output, List<Float> anchors, int classes, int coords, int num)
            implements DarknetLayer {
        /** Copies the list. */
        public Region {
            anchors = List.copyOf(anchors);
        }

        /** The anchors as {@code w0, h0, w1, h1, ...}, for the decoder. */
        public float[] anchorArray() {
            float[] a = new float[anchors.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = anchors.get(i);
            }
            return a;
        }
    }
}
