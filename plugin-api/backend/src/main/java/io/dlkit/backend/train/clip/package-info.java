/**
 * Gradient clipping by value and by global norm, applied to the gradients before the optimizer
 * ({@link io.dlkit.backend.train.clip.GradientClipping}).
 */
package io.dlkit.backend.train.clip;
