package io.dlkit.api.extension;

import io.dlkit.backend.nn.Model;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Contributes named model architectures (LeNet-5, VGG-16, ResNet-50, ...) that commands, steps and
 * other plugins build by name, without a compile-time dependency on the contributing plugin.
 * Annotate the implementing class with {@code @org.pf4j.Extension}.
 */
public interface ArchitectureProvider extends ExtensionPoint {
    /** The architecture names this provider builds ({@code vgg16}), unique across dlkit. */
    List<String> architectures();

    /** One line describing an architecture. */
    String description(String name);

    /**
     * Builds an (unbuilt) model; its layers get their weights in {@link Model#forward}.
     *
     * @param name one of {@link #architectures()}
     * @param spec input shape, class count and whether to include the classifier top
     * @throws IllegalArgumentException naming the problem for an unsupported spec
     */
    Model build(String name, ArchitectureSpec spec);

    /**
     * What to build.
     *
     * @param inputShape the input shape without the batch dimension ({@code [224, 224, 3]})
     * @param classes the number of output classes of the top
     * @param includeTop false for feature extraction: the model ends at its last convolutional
     *     block, whose layers keep their names ({@code block4_conv2}, {@code conv4_block6_out})
     */
    record ArchitectureSpec(long[] inputShape, int classes, boolean includeTop) {}
}
