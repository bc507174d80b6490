/**
 * Detection label formats, read into one record per image ({@link
 * io.dlkit.plugins.detector.labels.LabeledImage}, boxes as fractions of the image): YOLO txt (read
 * and write), Pascal VOC XML, COCO instances JSON, and COCO results (write). A malformed label is a
 * one-line {@link io.dlkit.api.DlkitException} (exit code 2) naming the file and line.
 */
package io.dlkit.plugins.detector.labels;
