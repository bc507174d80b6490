package io.dlkit.plugins.detector.darknet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YOLOv2-family network as a Darknet {@code .cfg} describes it: the input from {@code [net]}
 * ({@code height}, {@code width}, {@code channels}) and the layers with their output shapes. {@link
 * #weightShapes()} names the tensors of the matching {@code .weights} file in file order.
 */
public final class DarknetNetwork {
    private final FeatureShape input;
    private final List<DarknetLayer> layers;

    private DarknetNetwork(FeatureShape input, List<DarknetLayer> layers) {
        this.input = input;
        this.layers = List.copyOf(layers);
    }

    /** Reads and checks a cfg file. */
    public static DarknetNetwork read(Path cfg) throws IOException {
        return of(DarknetCfg.read(cfg));
    }

    /** The network of parsed sections (the first is {@code [net]}). */
    public static DarknetNetwork of(List<CfgSection> sections) {
        requireNonNull(sections, "sections is null");
        CfgSection net = sections.get(0);
        FeatureShape in =
                new FeatureShape(
                        LayerBuilder.positive(net, "height", 416),
                        LayerBuilder.positive(net, "width", 416),
                        LayerBuilder.positive(net, "channels", 3));
        List<DarknetLayer> layers = new ArrayList<>();
        FeatureShape current = in;
        for (int i = 1; i < sections.size(); i++) {
            DarknetLayer layer = LayerBuilder.build(sections.get(i), i - 1, current, layers);
            layers.add(layer);
            current = layer.output();
        }
        return new DarknetNetwork(in, layers);
    }

    /** The input shape. */
    public FeatureShape input() {
        return input;
    }

    /** The layers in order. */
    public List<DarknetLayer> layers() {
        return layers;
    }

    /** The {@code [region]} layer, if there is one. */
    public Optional<DarknetLayer.Region> region() {
        return layers.stream()
                .filter(l -> l instanceof DarknetLayer.Region)
                .map(l -> (DarknetLayer.Region) l)
                .findFirst();
    }

    /** The number of floats in the {@code .weights} file after its header. */
    public long parameterCount() {
        long n = 0;
        for (DarknetLayer l : layers) {
            if (l instanceof DarknetLayer.Convolutional c) {
                n += c.parameterCount();
            }
        }
        return n;
    }

    /**
     * The weight tensors in {@code .weights} order with their shapes: for convolution {@code i},
     * {@code conv<i>_bias [filters]}, then if batch-normalised {@code conv<i>_bn_scale}, {@code
     * conv<i>_bn_mean}, {@code conv<i>_bn_variance} (each {@code [filters]}), then {@code
     * conv<i>_kernel [filters, in, size, size]}.
     */
    public Map<String, int[]> weightShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (DarknetLayer l : layers) {
            if (l instanceof DarknetLayer.Convolutional c) {
                String p = "conv" + c.index();
                shapes.put(p + "_bias", new int[] {c.filters()});
                if (c.batchNormalize()) {
                    shapes.put(p + "_bn_scale", new int[] {c.filters()});
                    shapes.put(p + "_bn_mean", new int[] {c.filters()});
                    shapes.put(p + "_bn_variance", new int[] {c.filters()});
                }
                shapes.put(
                        p + "_kernel",
                        new int[] {c.filters(), c.input().channels(), c.size(), c.size()});
            }
        }
        return shapes;
    }
}
