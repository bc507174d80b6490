package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resolver for layer configs: turns a model file's layer map ({@code {type: dropout, keep_prob:
 * 0.8}}) into a {@link Layer}. Every layer's {@link Layer#config()} round-trips: {@code
 * Layers.fromConfig(layer.config())} equals {@code layer}.
 *
 * <p>Built-in types: {@code dense} ({@link DenseLayer}), {@code dropout} ({@link DropoutLayer}),
 * {@code batch_norm} ({@link BatchNormLayer}), {@code activation} ({@link ActivationLayer}); for
 * images (channels-last {@code [height, width, channels]}): {@code conv2d} ({@link Conv2DLayer}),
 * {@code max_pool} ({@link MaxPoolLayer}), {@code avg_pool} ({@link AvgPoolLayer}), {@code
 * global_avg_pool} ({@link GlobalAvgPoolLayer}), {@code flatten} ({@link FlattenLayer}), {@code
 * zero_padding} ({@link ZeroPaddingLayer}), {@code space_to_depth} ({@link SpaceToDepthLayer}),
 * {@code residual_block} ({@link ResidualBlock}) and {@code inception_block} ({@link
 * InceptionBlock}).
 *
 * <p>The registry is open: plugins contribute more {@link LayerType}s (dlkit's host installs every
 * started plugin's types with {@link #useContributed} before it reads a model file), and a test or
 * an embedding program may {@link #register} its own. A type nobody contributes, but which a known
 * plugin would ({@link #hint}), is reported with that plugin's name.
 */
public final class Layers {
    private static final Map<String, LayerType> BUILT_IN = new TreeMap<>();
    private static final Map<String, LayerType> REGISTERED = new ConcurrentHashMap<>();
    private static final Map<String, String> HINTS = new ConcurrentHashMap<>();
    private static volatile Map<String, LayerType> contributed = Map.of();

    static {
        builtIn(ActivationLayer.TYPE, "an activation function alone", ActivationLayer::fromConfig);
        builtIn(BatchNormLayer.TYPE, "batch normalization", BatchNormLayer::fromConfig);
        builtIn(DenseLayer.TYPE, "fully connected", DenseLayer::fromConfig);
        builtIn(DropoutLayer.TYPE, "inverted dropout", DropoutLayer::fromConfig);
        builtIn(Conv2DLayer.TYPE, "2-D convolution", Conv2DLayer::fromConfig);
        builtIn(MaxPoolLayer.TYPE, "max pooling", MaxPoolLayer::fromConfig);
        builtIn(AvgPoolLayer.TYPE, "average pooling", AvgPoolLayer::fromConfig);
        builtIn(GlobalAvgPoolLayer.TYPE, "global average pooling", GlobalAvgPoolLayer::fromConfig);
        builtIn(FlattenLayer.TYPE, "flattens to [features]", FlattenLayer::fromConfig);
        builtIn(ZeroPaddingLayer.TYPE, "zero padding", ZeroPaddingLayer::fromConfig);
        builtIn(
                SpaceToDepthLayer.TYPE,
                "b x b blocks into channels",
                SpaceToDepthLayer::fromConfig);
        builtIn(
                UpSampling2DLayer.TYPE,
                "nearest-neighbour upsampling by s",
                UpSampling2DLayer::fromConfig);
        builtIn(ResidualBlock.TYPE, "ResNet residual block", ResidualBlock::fromConfig);
        builtIn(InceptionBlock.TYPE, "Inception v1 block", InceptionBlock::fromConfig);
    }

    private Layers() {}

    private static void builtIn(String name, String description, LayerType.Factory factory) {
        BUILT_IN.put(name, new LayerType(name, description, factory));
    }

    /** The layer type names (built-in, registered and contributed), sorted. */
    public static List<String> types() {
        return List.copyOf(all().keySet());
    }

    /** Every layer type by name, sorted. */
    public static Map<String, LayerType> all() {
        Map<String, LayerType> m = new TreeMap<>(BUILT_IN);
        m.putAll(REGISTERED);
        m.putAll(contributed);
        return m;
    }

    /** Whether {@code name} is a built-in type (plugins cannot replace those). */
    public static boolean isBuiltIn(String name) {
        return BUILT_IN.containsKey(name);
    }

    /**
     * Adds a layer type for this process (tests, programs that embed the backend).
     *
     * @throws IllegalArgumentException when the name is already taken
     */
    public static void register(LayerType type) {
        requireNonNull(type, "type is null");
        requireFree(type.name(), "");
        if (REGISTERED.putIfAbsent(type.name(), type) != null) {
            throw new IllegalArgumentException("layer type '" + type.name() + "' already exists");
        }
    }

    /** Removes a type added with {@link #register}; built-ins stay. */
    public static void unregister(String name) {
        REGISTERED.remove(name);
    }

    /**
     * Replaces the plugin-contributed types with {@code types} (the host calls it once per run with
     * the types of every started plugin).
     *
     * @param types each with the id of the plugin that contributes it
     * @throws IllegalArgumentException when a name is built in or contributed twice, naming both
     */
    public static void useContributed(Collection<Contributed> types) {
        Map<String, LayerType> m = new TreeMap<>();
        Map<String, String> origin = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Contributed c : types) {
            String name = c.type().name();
            if (BUILT_IN.containsKey(name) || REGISTERED.containsKey(name)) {
                problems.add("plugin '" + c.plugin() + "': layer type '" + name + "' is built in");
            } else if (origin.containsKey(name)) {
                problems.add(
                        "plugins '"
                                + origin.get(name)
                                + "' and '"
                                + c.plugin()
                                + "' both contribute layer type '"
                                + name
                                + "'");
            } else {
                m.put(name, c.type());
                origin.put(name, c.plugin());
            }
        }
        contributed = Map.copyOf(m);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    /**
     * Records that plugin {@code plugin} provides layer type {@code type}, so that a model file
     * using it while the plugin is not loaded says which plugin to install.
     */
    public static void hint(String type, String plugin) {
        HINTS.put(requireNonNull(type, "type is null"), requireNonNull(plugin, "plugin is null"));
    }

    private static void requireFree(String name, String who) {
        if (BUILT_IN.containsKey(name) || contributed.containsKey(name)) {
            throw new IllegalArgumentException(who + "layer type '" + name + "' already exists");
        }
    }

    /**
     * Builds the layer a config describes; messages start with {@code layer.}.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad key
     */
    public static Layer fromConfig(Map<String, ?> config) {
        return fromConfig(config, "layer");
    }

    /**
     * Builds the layer a config describes.
     *
     * @param config the layer's map: {@code type}, optional {@code name}, its hyperparameters
     * @param path where the map sits in the model file ({@code layers[1]}), for messages
     * @throws IllegalArgumentException with a one-line message such as {@code layers[1].keep_prob:
     *     must be in (0, 1], got 1.5}
     */
    public static Layer fromConfig(Map<String, ?> config, String path) {
        requireNonNull(config, "config is null");
        ConfigReader r = new ConfigReader(config, path);
        Object type = config.get("type");
        if (type == null) {
            throw r.error("type", "required; valid types: " + String.join(", ", types()));
        }
        LayerType t = all().get(String.valueOf(type));
        if (t == null) throw unknown(r, String.valueOf(type));
        try {
            return t.factory().create(r);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(path)) {
                throw e;
            }
            // a constructor check without a key path (a programming-level message): add the path
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException unknown(ConfigReader r, String type) {
        String plugin = HINTS.get(type);
        if (plugin != null) {
            return r.error(
                    "type",
                    "layer type '"
                            + type
                            + "' comes from the plugin '"
                            + plugin
                            + "', which is not loaded; install or fix it (see dlkit plugins)");
        }
        return r.error(
                "type",
                "unknown layer type "
                        + ConfigReader.show(type)
                        + ConfigReader.didYouMean(type, types())
                        + "; valid types: "
                        + String.join(", ", types()));
    }

    /**
     * A layer type and the plugin that contributes it.
     *
     * @param plugin the plugin's id
     * @param type the type
     */
    public record Contributed(String plugin, LayerType type) {}
}
