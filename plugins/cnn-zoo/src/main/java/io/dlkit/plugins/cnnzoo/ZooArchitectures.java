package io.dlkit.plugins.cnnzoo;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.extension.ArchitectureProvider;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.text.Suggestions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The zoo: {@code lenet5}, {@code alexnet}, {@code vgg16}, {@code vgg19}, {@code resnet50} and
 * {@code inception_v1}, each a function of (input shape, classes, include top) to a model file's
 * content ({@link #config}), which {@link #build} turns into a {@link Sequential}. Layer names
 * follow Keras where Keras has the network ({@code block4_conv2}, {@code conv4_block6_out}), so
 * Keras weights and feature layers are found by name.
 */
@Extension
public final class ZooArchitectures implements ArchitectureProvider {
    private static final Map<String, Architecture> ALL = new LinkedHashMap<>();

    static {
        for (Architecture a :
                List.of(
                        LeNet5.ARCHITECTURE,
                        AlexNet.ARCHITECTURE,
                        Vgg.VGG16,
                        Vgg.VGG19,
                        ResNet50.ARCHITECTURE,
                        InceptionV1.ARCHITECTURE)) {
            ALL.put(a.name(), a);
        }
    }

    /** PF4J creates it; it holds no state. */
    public ZooArchitectures() {}

    @Override
    public List<String> architectures() {
        return List.copyOf(ALL.keySet());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException for an unknown name, with a "did you mean"
     */
    @Override
    public String description(String name) {
        return get(name).description();
    }

    /**
     * The spec of the original network: its usual input ({@code [224, 224, 3]}, LeNet-5 {@code [28,
     * 28, 1]}, AlexNet {@code [227, 227, 3]}), its classes (1000, LeNet-5 10), with the top.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public ArchitectureSpec defaultSpec(String name) {
        return get(name).defaultSpec();
    }

    /**
     * The smallest height and width the architecture takes (its last pooling still has a pixel).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public int minInputSize(String name) {
        return get(name).minSize();
    }

    /**
     * The model file's content, {@code {input_shape: [H, W, C], layers: [...]}}, ready to print as
     * YAML or to pass to {@link Sequential#fromConfig}.
     *
     * @throws IllegalArgumentException for an unknown name, an input that is not {@code [H, W, C]}
     *     or smaller than {@link #minInputSize}, or classes below 1
     */
    public Map<String, Object> config(String name, ArchitectureSpec spec) {
        Architecture a = get(name);
        check(a, requireNonNull(spec, "spec is null"));
        return LayerMaps.model(spec.inputShape(), a.definition().layers(spec));
    }

    /**
     * {@code Sequential.fromConfig(config(name, spec))}.
     *
     * @throws IllegalArgumentException as {@link #config} does
     */
    @Override
    public Sequential build(String name, ArchitectureSpec spec) {
        return Sequential.fromConfig(config(name, spec));
    }

    private static Architecture get(String name) {
        requireNonNull(name, "name is null");
        Architecture a = ALL.get(name.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new IllegalArgumentException(
                    "unknown architecture '"
                            + name
                            + "'"
                            + Suggestions.inParentheses(name, ALL.keySet())
                            + "; known: "
                            + String.join(", ", ALL.keySet()));
        }
        return a;
    }

    private static void check(Architecture a, ArchitectureSpec spec) {
        long[] in = requireNonNull(spec.inputShape(), "spec.inputShape is null");
        if (in.length != 3 || Arrays.stream(in).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException(
                    a.name()
                            + ": the input shape must be [height, width, channels], each >= 1, got "
                            + Arrays.toString(in));
        }
        if (in[0] < a.minSize() || in[1] < a.minSize()) {
            throw new IllegalArgumentException(
                    a.name()
                            + ": input "
                            + InputShapes.text(in)
                            + " is too small; height and width must be >= "
                            + a.minSize());
        }
        if (spec.classes() < 1) {
            throw new IllegalArgumentException(
                    a.name() + ": classes must be >= 1, got " + spec.classes());
        }
    }
}
