package io.dlkit.cli.progress;

/** {@code -q}: shows nothing. */
final class QuietProgress extends Progress {
    @Override
    public void startEpoch(int epoch, int epochs, int steps) {}

    @Override
    public void step(int samples, double loss, double accuracy) {}

    @Override
    public void endEpoch(double valLoss, double valAccuracy) {}

    @Override
    public void close() {}
}
