/**
 * The detector plugin: YOLO-style object detection. Boxes, IoU and non-max suppression ({@code
 * boxes}), YOLOv2 decoding ({@code yolo}), k-means anchors ({@code anchors}), label formats ({@code
 * labels}), mAP ({@code eval}), Darknet files ({@code darknet}), a synthetic shapes set ({@code
 * synthetic}), the pretrained COCO-80 detectors NanoDet and CenterNet with their decoders ({@code
 * pretrained}), the {@code dlkit detect} command ({@code command}) and the {@code detector/detect}
 * pipeline step ({@code step}).
 */
package io.dlkit.plugins.detector;
