package io.dlkit.plugins.cnnzoo;

import org.pf4j.Plugin;

/**
 * The cnn-zoo plugin: Convolutional networks and a model zoo: LeNet-5, AlexNet, VGG, ResNet,
 * Inception; classify; Keras weight import.
 */
public class CnnZooPlugin extends Plugin {}
