package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

/**
 * A layer type as model files name it ({@code type: swish}): its name, one line describing it, and
 * the factory that reads a layer's config. The built-in types and the types plugins contribute
 * (through {@code io.dlkit.api.extension.LayerProvider}) are all {@code LayerType}s in {@link
 * Layers}.
 *
 * @param name the {@code type} value, snake_case, unique across dlkit
 * @param description one line for listings
 * @param factory reads a config (with a {@link ConfigReader}, so unknown keys and bad values get
 *     the built-ins' messages) into an unbuilt layer whose {@link Layer#config()} round-trips
 */
public record LayerType(String name, String description, Factory factory) {
    /** Checks the name is a flat snake_case word. */
    public LayerType {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(factory, "factory is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "layer type name must be snake_case ([a-z][a-z0-9_]*), got '" + name + "'");
        }
    }

    /** Reads one layer's config; thrown messages start with the reader's field path. */
    @FunctionalInterface
    public interface Factory {
        /**
         * The layer {@code config} describes.
         *
         * @throws IllegalArgumentException naming the bad key (use {@link ConfigReader#error})
         */
        Layer create(ConfigReader config);
    }
}
