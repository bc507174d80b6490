package io.dlkit.plugins.optimizers;

import org.pf4j.Plugin;

/** The optimizers plugin: Update rules for training: gradient descent, momentum, RMSprop, Adam. */
public class OptimizersPlugin extends Plugin {}
