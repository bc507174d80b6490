/**
 * The TensorFlow runtime, loaded once per process and lazily ({@link
 * io.dlkit.backend.runtime.TfRuntime}), and the graph context every model builds in ({@link
 * io.dlkit.backend.runtime.GraphContext}): device placement, threads, seeds, flat-named variables.
 */
package io.dlkit.backend.runtime;
