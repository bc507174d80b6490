/**
 * TensorFlow.js model files, read in pure Java: {@link io.dlkit.backend.tfjs.WeightManifest}
 * (weights manifests and their {@code .bin} shards, dequantised into {@link
 * io.dlkit.backend.tfjs.NamedTensors}), {@link io.dlkit.backend.tfjs.JsLiteral} (JSON and the JS
 * object literals TF.js bundles hold), the graph-model importer that turns a {@code model.json}
 * GraphDef into a TensorFlow graph dlkit runs, and {@link io.dlkit.backend.tfjs.KerasModel}, which
 * turns a layers model's Keras topology into a dlkit functional model built from the backend's
 * layers (with its trained weights; {@link io.dlkit.backend.tfjs.LayersModelFile} freezes it into a
 * graph).
 *
 * <p>A malformed or truncated file raises {@link io.dlkit.backend.io.DataFormatException} with a
 * one-line message naming the file and the tensor concerned.
 */
package io.dlkit.backend.tfjs;
