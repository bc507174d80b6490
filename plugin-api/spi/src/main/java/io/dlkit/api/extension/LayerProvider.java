package io.dlkit.api.extension;

import io.dlkit.backend.nn.LayerType;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Contributes layer types that any model file can name ({@code {type: swish, beta: 1.5}}), which
 * every core command ({@code summary}, {@code train}, {@code eval}, {@code predict}, {@code
 * export}) and the model store then handle like the built-in ones. Annotate the implementing class
 * with {@code @org.pf4j.Extension}.
 *
 * <p>A layer type is a name and a factory that reads the layer's config with a {@link
 * io.dlkit.backend.nn.ConfigReader} (so unknown keys and wrong types are reported with "did you
 * mean", as for the built-ins); the layer itself usually extends {@link
 * io.dlkit.backend.nn.AbstractLayer}. Its {@code config()} must round-trip through the factory,
 * since {@code model.yaml} stores it and every later command rebuilds the layer from it.
 * Constructing a provider must not touch TensorFlow: the host asks for the types on every
 * model-file read.
 *
 * <pre>{@code
 * @Extension
 * public final class SwishLayers implements LayerProvider {
 *     public List<LayerType> layerTypes() {
 *         return List.of(new LayerType("swish", "x * sigmoid(beta x)", SwishLayer::fromConfig));
 *     }
 * }
 * }</pre>
 */
public interface LayerProvider extends ExtensionPoint {
    /** The layer types; names are unique across dlkit and never a built-in's. */
    List<LayerType> layerTypes();
}
