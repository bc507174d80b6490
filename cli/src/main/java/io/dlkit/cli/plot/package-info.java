/**
 * Charts as PNG files, drawn off-screen with JFreeChart: {@link io.dlkit.cli.plot.CurvePlot} (named
 * series against epochs) and {@link io.dlkit.cli.plot.TrainingCurves} (loss and accuracy panels of
 * a training run). Files are written atomically.
 */
package io.dlkit.cli.plot;
