package io.dlkit.plugins.cnnzoo;

import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import java.util.List;
import java.util.Map;

/**
 * One zoo entry: its name, a line about it, the spec it is usually built with, the smallest input
 * it fits, and how its layers follow from a spec.
 *
 * @param name the name it is built by ({@code vgg16})
 * @param description one line for {@code dlkit zoo list}
 * @param defaultInput {@code [height, width, channels]} of the original paper or Keras
 * @param defaultClasses the classes of the original top (1000 for ImageNet)
 * @param minSize the smallest height and width whose last pooling still has an output pixel
 * @param definition the layers for a checked spec
 */
record Architecture(
        String name,
        String description,
        long[] defaultInput,
        int defaultClasses,
        int minSize,
        Definition definition) {

    /** Turns a checked spec into the model file's layer maps. */
    @FunctionalInterface
    interface Definition {
        /**
         * The layers; the classifier top only when {@code spec.includeTop()}.
         *
         * @param spec an input of {@code [H, W, C]} with {@code H, W >= minSize}, classes >= 1
         */
        List<Map<String, Object>> layers(ArchitectureSpec spec);
    }

    /** The spec of the original: default input, default classes, with the top. */
    ArchitectureSpec defaultSpec() {
        return new ArchitectureSpec(defaultInput.clone(), defaultClasses, true);
    }
}
