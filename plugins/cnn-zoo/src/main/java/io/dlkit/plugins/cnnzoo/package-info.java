/**
 * The cnn-zoo plugin: classic convolutional architectures (LeNet-5, AlexNet, VGG-16/19, ResNet-50,
 * Inception v1) as model files, contributed through {@link
 * io.dlkit.api.extension.ArchitectureProvider} by {@link io.dlkit.plugins.cnnzoo.ZooArchitectures}.
 */
package io.dlkit.plugins.cnnzoo;
