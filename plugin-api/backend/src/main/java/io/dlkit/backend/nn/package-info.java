/**
 * Layers, models, activations, initializers and losses, in Keras's naming and life cycle:
 * hyperparameters in the constructor or builder, weights created by {@code build(inputShape)}, the
 * forward pass added by {@code call(graph, input, training)}, and a {@code config()} map that
 * round-trips through a model file ({@link io.dlkit.backend.nn.Sequential#fromConfig}, {@link
 * io.dlkit.backend.nn.Layers#fromConfig}). Everything here builds a TensorFlow graph once; training
 * then feeds and runs it, taking gradients with {@code tf.gradients} over {@link
 * io.dlkit.backend.nn.Model#trainableVariables()}.
 */
package io.dlkit.backend.nn;
