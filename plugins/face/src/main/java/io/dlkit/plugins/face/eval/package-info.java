/**
 * Face verification measured the LFW way: pairs files, ROC curves and their area, the best
 * threshold and k-fold accuracy; {@code dlkit face eval}.
 */
package io.dlkit.plugins.face.eval;
