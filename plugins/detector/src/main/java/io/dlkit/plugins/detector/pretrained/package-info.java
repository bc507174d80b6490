/**
 * Real pretrained COCO-80 detectors from the model store, each decoded by its own rules ({@link
 * io.dlkit.plugins.detector.pretrained.NanoDetDecoder}, {@link
 * io.dlkit.plugins.detector.pretrained.CenterNetDecoder}) and then through the plugin's score
 * threshold and non-max suppression ({@link io.dlkit.plugins.detector.pretrained.GraphDetector}).
 */
package io.dlkit.plugins.detector.pretrained;
