/**
 * Region proposals as the notes' R-CNN passage describes them: Felzenszwalb-Huttenlocher graph
 * segmentation ({@link io.dlkit.plugins.detector.proposals.GraphSegmentation}), each segment's box
 * a candidate region. Selective-search grouping of the segments is still to come.
 */
package io.dlkit.plugins.detector.proposals;
