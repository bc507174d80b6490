/**
 * Region proposals as the notes' R-CNN passage describes them: Felzenszwalb-Huttenlocher graph
 * segmentation ({@link io.dlkit.plugins.detector.proposals.GraphSegmentation}) grouped by selective
 * search ({@link io.dlkit.plugins.detector.proposals.SelectiveSearch}: colour, size and fill
 * similarity; no texture term yet). Plain Java; scoring proposals with a classifier comes with the
 * platform's models.
 */
package io.dlkit.plugins.detector.proposals;
