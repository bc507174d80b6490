package io.dlkit.cli.progress;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Counts steps and samples, and formats where a run stands: the position ({@code epoch 2/10 step
 * 469/469}) and the figures ({@code loss 0.4123 acc 0.8571 1234 samples/s eta 0:41}).
 *
 * <p>Loss and accuracy are the running means of the current epoch, weighted by batch size, as Keras
 * shows them. The rate is samples per second since the first epoch started; the ETA is the steps
 * left in the whole run times the mean time per step so far.
 */
final class Meter {
    private final LongSupplier nanoClock;
    private long startNanos = -1;
    private int epoch;
    private int epochs;
    private int steps;
    private int step;
    private long stepsDone;
    private long samplesDone;
    private long epochSamples;
    private double lossSum;
    private double accuracySum;
    private long accuracySamples;

    Meter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    void startEpoch(int epoch, int epochs, int steps) {
        if (epochs < 1 || epoch < 1 || epoch > epochs || steps < 1) {
            throw new IllegalArgumentException(
                    "need 1 <= epoch <= epochs and steps >= 1, got epoch "
                            + epoch
                            + ", epochs "
                            + epochs
                            + ", steps "
                            + steps);
        }
        if (startNanos < 0) {
            startNanos = nanoClock.getAsLong();
        }
        this.epoch = epoch;
        this.epochs = epochs;
        this.steps = steps;
        this.step = 0;
        this.epochSamples = 0;
        this.lossSum = 0;
        this.accuracySum = 0;
        this.accuracySamples = 0;
    }

    void step(int samples, double loss, double accuracy) {
        if (steps == 0) {
            throw new IllegalStateException("call startEpoch before step");
        }
        step++;
        stepsDone++;
        samplesDone += samples;
        epochSamples += samples;
        lossSum += loss * samples;
        if (!Double.isNaN(accuracy)) {
            accuracySum += accuracy * samples;
            accuracySamples += samples;
        }
    }

    int step() {
        return step;
    }

    int steps() {
        return steps;
    }

    int epoch() {
        return epoch;
    }

    int epochs() {
        return epochs;
    }

    /** {@code epoch 2/10}. */
    String epochLabel() {
        return "epoch " + epoch + "/" + epochs;
    }

    /** {@code epoch 2/10 step 469/469}. */
    String position() {
        return epochLabel() + " step " + step + "/" + steps;
    }

    /** {@code loss 0.4123 acc 0.8571 1234 samples/s eta 0:41}; parts without data are left out. */
    String figures() {
        return (metrics() + " " + speed()).strip();
    }

    /** {@code loss 0.4123 acc 0.8571}: the epoch's running means, or what of them there is. */
    String metrics() {
        StringBuilder s = new StringBuilder();
        if (epochSamples > 0) {
            s.append(String.format(Locale.ROOT, "loss %.4f ", lossSum / epochSamples));
        }
        if (accuracySamples > 0) {
            s.append(String.format(Locale.ROOT, "acc %.4f", accuracySum / accuracySamples));
        }
        return s.toString().strip();
    }

    /** {@code 1234 samples/s eta 0:41}, or nothing before any time has passed. */
    String speed() {
        long elapsed = nanoClock.getAsLong() - startNanos;
        if (elapsed <= 0 || stepsDone == 0) {
            return "";
        }
        long left = (long) (epochs - epoch) * steps + (steps - step);
        return Math.round(samplesDone * 1e9 / elapsed)
                + " samples/s eta "
                + duration(Math.round(left * (elapsed / 1e9) / stepsDone));
    }

    /** {@code 0:41}, {@code 12:05} or {@code 1:02:03}. */
    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
