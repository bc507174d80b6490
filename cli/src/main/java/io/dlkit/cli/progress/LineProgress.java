package io.dlkit.cli.progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Plain lines for logs and pipes: every N steps and at the end of each epoch. */
final class LineProgress extends Progress {
    private final PrintWriter out;
    private final int everySteps;
    private final Meter meter;

    LineProgress(PrintWriter out, int everySteps, LongSupplier nanoClock) {
        this.out = out;
        this.everySteps = everySteps;
        this.meter = new Meter(nanoClock);
    }

    @Override
    public void startEpoch(int epoch, int epochs, int steps) {
        meter.startEpoch(epoch, epochs, steps);
    }

    @Override
    public void step(int samples, double loss, double accuracy) {
        meter.step(samples, loss, accuracy);
        int step = meter.step();
        if (step == meter.steps() || (everySteps > 0 && step % everySteps == 0)) {
            out.println(meter.position() + " " + meter.figures());
            out.flush();
        }
    }

    @Override
    public void endEpoch(double valLoss, double valAccuracy) {
        String validation = validation(valLoss, valAccuracy);
        if (!validation.isEmpty()) {
            out.println(meter.epochLabel() + " " + validation);
            out.flush();
        }
    }

    @Override
    public void endEpoch(double valLoss, double valAccuracy, java.util.Map<String, Double> extra) {
        String line = (validation(valLoss, valAccuracy) + " " + metrics(extra)).strip();
        if (!line.isEmpty()) {
            out.println(meter.epochLabel() + " " + line);
            out.flush();
        }
    }

    @Override
    public void close() {
        out.flush();
    }

    /** {@code val_loss 0.4500 val_acc 0.8400}, leaving out what is NaN. */
    static String validation(double valLoss, double valAccuracy) {
        StringBuilder s = new StringBuilder();
        if (!Double.isNaN(valLoss)) {
            s.append(String.format(Locale.ROOT, "val_loss %.4f", valLoss));
        }
        if (!Double.isNaN(valAccuracy)) {
            s.append(s.length() == 0 ? "" : " ")
                    .append(String.format(Locale.ROOT, "val_acc %.4f", valAccuracy));
        }
        return s.toString();
    }
}
