/**
 * Darknet files for the YOLOv2 family: the {@code .cfg} parser ({@link
 * io.dlkit.plugins.detector.darknet.DarknetCfg}) and network shapes ({@link
 * io.dlkit.plugins.detector.darknet.DarknetNetwork}), and the {@code .weights} reader and writer
 * ({@link io.dlkit.plugins.detector.darknet.DarknetWeights}).
 */
package io.dlkit.plugins.detector.darknet;
