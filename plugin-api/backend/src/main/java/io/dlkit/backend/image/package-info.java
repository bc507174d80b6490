/**
 * Images as float pixels for models, in pure Java: {@link io.dlkit.backend.image.Image} (height x
 * width x channels, values in [0, 1]), {@link io.dlkit.backend.image.Images} (read and write PNG
 * and JPEG, convert channels, resize bilinearly the way TensorFlow does) and {@link
 * io.dlkit.backend.image.Drawing} (labelled boxes and points for detection and landmark results),
 * and {@link io.dlkit.backend.image.EdgeDetector} (the notes' edge-detection kernels, {@link
 * io.dlkit.backend.image.EdgeFilter}, as a TensorFlow convolution).
 *
 * <p>Nothing here loads the TensorFlow native runtime except {@link
 * io.dlkit.backend.image.Image#toTensor()}, {@link
 * io.dlkit.backend.image.Image#fromTensor(org.tensorflow.types.TFloat32)} and {@link
 * io.dlkit.backend.image.EdgeDetector}. Drawing uses {@code java.awt} off-screen only and works
 * with {@code java.awt.headless=true}. A file whose content is wrong raises {@link
 * io.dlkit.backend.io.DataFormatException}.
 */
package io.dlkit.backend.image;
