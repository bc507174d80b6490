/**
 * A synthetic shapes data set for detection tests and training: circles, squares and triangles with
 * exact YOLO labels, deterministic per seed ({@link
 * io.dlkit.plugins.detector.synthetic.ShapesGenerator}).
 */
package io.dlkit.plugins.detector.synthetic;
