/**
 * Image classification with a trained model directory: {@code dlkit classify MODEL_DIR IMAGE...}
 * ({@link io.dlkit.plugins.cnnzoo.classify.ClassifyCommand}) and the pipeline step {@code
 * cnn-zoo/classify} ({@link io.dlkit.plugins.cnnzoo.classify.ClassifyStepProvider}), both on {@link
 * io.dlkit.plugins.cnnzoo.classify.Classifier}: images read with the backend's {@code Images},
 * converted to the model's input channels and resized to its input size, predicted through the
 * host's {@link io.dlkit.api.model.ModelStore} (which applies the model's stored input
 * normalization), top-k classes by probability.
 */
package io.dlkit.plugins.cnnzoo.classify;
