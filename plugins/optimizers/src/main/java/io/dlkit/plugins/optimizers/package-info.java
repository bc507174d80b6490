/**
 * The optimizers plugin: the update rules of the course notes, {@code gd}, {@code momentum}, {@code
 * rmsprop} and {@code adam}, each an {@link io.dlkit.backend.train.Optimizer} record built from
 * assign ops with a fed learning rate, and an {@link io.dlkit.api.extension.OptimizerProvider}
 * extension that creates it from a config map. State (velocities, averages, Adam's step counter)
 * lives in non-trainable, flat-named variables, so checkpoints include it.
 */
package io.dlkit.plugins.optimizers;
