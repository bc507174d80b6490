package io.dlkit.plugins.detector;

import org.pf4j.Plugin;

/**
 * The detector plugin: YOLO-style object detection: anchor boxes, non-max suppression, Darknet
 * import.
 */
public class DetectorPlugin extends Plugin {}
