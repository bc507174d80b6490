/**
 * The detector's layer types for model files: Darknet's {@code [reorg]} ({@link
 * io.dlkit.plugins.detector.layers.ReorgLayer}) and the YOLO output grid ({@link
 * io.dlkit.plugins.detector.layers.YoloGridLayer}).
 */
package io.dlkit.plugins.detector.layers;
