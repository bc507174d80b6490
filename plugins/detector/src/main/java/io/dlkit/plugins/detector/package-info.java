/**
 * The detector plugin: YOLO-style object detection. Boxes, IoU and non-max suppression ({@code
 * boxes}), YOLOv2 decoding ({@code yolo}), k-means anchors ({@code anchors}), label formats ({@code
 * labels}), mAP ({@code eval}), Darknet files ({@code darknet}), a synthetic shapes set ({@code
 * synthetic}) and the {@code dlkit detect} command ({@code command}).
 */
package io.dlkit.plugins.detector;
