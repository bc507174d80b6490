/**
 * YOLOv2 output decoding ({@link io.dlkit.plugins.detector.yolo.YoloDecoder}: grid offsets with
 * sigmoid, anchor sizes with exp, objectness times class softmax) and the mapping between an
 * original image and the network input ({@link io.dlkit.plugins.detector.yolo.ImageMapping}:
 * stretch or letterbox).
 */
package io.dlkit.plugins.detector.yolo;
