package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The resolver for layer configs: turns a model file's layer map ({@code {type: dropout, keep_prob:
 * 0.8}}) into a {@link Layer}. Every layer's {@link Layer#config()} round-trips: {@code
 * Layers.fromConfig(layer.config())} equals {@code layer}.
 *
 * <p>Types: {@code dense} ({@link DenseLayer}), {@code dropout} ({@link DropoutLayer}), {@code
 * batch_norm} ({@link BatchNormLayer}), {@code activation} ({@link ActivationLayer}); for images
 * (channels-last {@code [height, width, channels]}): {@code conv2d} ({@link Conv2DLayer}), {@code
 * max_pool} ({@link MaxPoolLayer}), {@code avg_pool} ({@link AvgPoolLayer}), {@code
 * global_avg_pool} ({@link GlobalAvgPoolLayer}), {@code flatten} ({@link FlattenLayer}), {@code
 * zero_padding} ({@link ZeroPaddingLayer}), {@code residual_block} ({@link ResidualBlock}) and
 * {@code inception_block} ({@link InceptionBlock}).
 */
public final class Layers {
    private static final Map<String, Function<ConfigReader, Layer>> TYPES = new TreeMap<>();

    static {
        TYPES.put(ActivationLayer.TYPE, ActivationLayer::fromConfig);
        TYPES.put(BatchNormLayer.TYPE, BatchNormLayer::fromConfig);
        TYPES.put(DenseLayer.TYPE, DenseLayer::fromConfig);
        TYPES.put(DropoutLayer.TYPE, DropoutLayer::fromConfig);
        TYPES.put(Conv2DLayer.TYPE, Conv2DLayer::fromConfig);
        TYPES.put(MaxPoolLayer.TYPE, MaxPoolLayer::fromConfig);
        TYPES.put(AvgPoolLayer.TYPE, AvgPoolLayer::fromConfig);
        TYPES.put(GlobalAvgPoolLayer.TYPE, GlobalAvgPoolLayer::fromConfig);
        TYPES.put(FlattenLayer.TYPE, FlattenLayer::fromConfig);
        TYPES.put(ZeroPaddingLayer.TYPE, ZeroPaddingLayer::fromConfig);
        TYPES.put(ResidualBlock.TYPE, ResidualBlock::fromConfig);
        TYPES.put(InceptionBlock.TYPE, InceptionBlock::fromConfig);
    }

    private Layers() {}

    /** The layer type names, sorted. */
    public static List<String> types() {
        return List.copyOf(TYPES.keySet());
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
        Function<ConfigReader, Layer> factory = TYPES.get(String.valueOf(type));
        if (factory == null) {
            throw r.error(
                    "type",
                    "unknown layer type "
                            + ConfigReader.show(type)
                            + ConfigReader.didYouMean(String.valueOf(type), types())
                            + "; valid types: "
                            + String.join(", ", types()));
        }
        try {
            return factory.apply(r);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(path)) {
                throw e;
            }
            // a constructor check without a key path (a programming-level message): add the path
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }
}
