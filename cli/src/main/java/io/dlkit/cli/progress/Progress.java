package io.dlkit.cli.progress;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how long work is going, on stderr, in the form that suits where stderr goes:
 *
 * <ul>
 *   <li>on a terminal, a progress bar per epoch (me.tongfei:progressbar) with the epoch, the step,
 *       and loss, accuracy, rate and ETA as its message;
 *   <li>when piped or redirected, one plain line every {@code N} steps and at the end of each
 *       epoch: {@code epoch 2/10 step 469/469 loss 0.4123 acc 0.8571 1234 samples/s eta 0:41};
 *   <li>with {@code -q}, nothing.
 * </ul>
 *
 * <p>Loss and accuracy shown are the running means of the current epoch, weighted by batch size.
 * Nothing is ever written to stdout; {@link #close()} finishes the display but never closes the
 * writer it was given.
 *
 * <pre>{@code
 * try (Progress progress = Progress.create(spec.commandLine().getErr(), quiet, 100)) {
 *     for (int epoch = 1; epoch <= epochs; epoch++) {
 *         progress.startEpoch(epoch, epochs, batches.batchCount());
 *         ... progress.step(rows, loss, accuracy);    // per batch
 *         progress.endEpoch(valLoss, valAccuracy);
 *     }
 * }
 * }</pre>
 */
public abstract class Progress implements AutoCloseable {
    Progress() {}

    /**
     * The display that suits stderr: nothing if {@code quiet}, a bar if the process runs on a
     * terminal, else plain lines every {@code everySteps} steps (0: only at the end of each epoch).
     */
    public static Progress create(PrintWriter err, boolean quiet, int everySteps) {
        requireNonNull(err, "err is null");
        if (quiet) {
            return quiet();
        }
        if (Terminals.isInteractive()) {
            return bar(
                    err,
                    Terminals.width(),
                    Terminals.supportsUnicode()
                            ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK
                            : ProgressBarStyle.ASCII);
        }
        return lines(err, everySteps, System::nanoTime);
    }

    /**
     * Plain lines: one every {@code everySteps} steps (0: none but the last) and one at the last
     * step of each epoch; times come from {@code nanoClock} ({@code System::nanoTime}).
     */
    public static Progress lines(PrintWriter out, int everySteps, LongSupplier nanoClock) {
        if (everySteps < 0) {
            throw new IllegalArgumentException("everySteps must be 0 or more, got " + everySteps);
        }
        return new LineProgress(
                requireNonNull(out, "out is null"),
                everySteps,
                requireNonNull(nanoClock, "nanoClock is null"));
    }

    /** A progress bar per epoch, lines cut to {@code width} characters. */
    public static Progress bar(PrintWriter out, int width, ProgressBarStyle style) {
        return new BarProgress(
                requireNonNull(out, "out is null"),
                width,
                requireNonNull(style, "style is null"),
                System::nanoTime);
    }

    /** Shows nothing. */
    public static Progress quiet() {
        return new QuietProgress();
    }

    /**
     * Starts epoch {@code epoch} (counted from 1) of {@code epochs}, of {@code steps} steps.
     *
     * @throws IllegalArgumentException unless {@code 1 <= epoch <= epochs} and {@code steps >= 1}
     */
    public abstract void startEpoch(int epoch, int epochs, int steps);

    /**
     * Records one finished step (batch).
     *
     * @param samples the samples in the batch
     * @param loss the batch's mean loss
     * @param accuracy the batch's accuracy in [0, 1], or {@code NaN} when there is none
     */
    public abstract void step(int samples, double loss, double accuracy);

    /** Ends the epoch without validation figures. */
    public void endEpoch() {
        endEpoch(Double.NaN, Double.NaN);
    }

    /** Ends the epoch, showing validation loss and accuracy ({@code NaN}: not shown). */
    public abstract void endEpoch(double valLoss, double valAccuracy);

    /**
     * Ends the epoch, showing validation loss and accuracy and an objective's extra metrics ({@code
     * bce 0.5460 val_bce 1.1222}).
     */
    public void endEpoch(
            double valLoss, double valAccuracy, java.util.Map<String, Double> metrics) {
        endEpoch(valLoss, valAccuracy);
    }

    /** {@code name value} pairs, 4 decimals, NaN left out. */
    static String metrics(java.util.Map<String, Double> metrics) {
        StringBuilder s = new StringBuilder();
        metrics.forEach(
                (k, v) -> {
                    if (v != null && !v.isNaN()) {
                        s.append(s.length() == 0 ? "" : " ")
                                .append(String.format(java.util.Locale.ROOT, "%s %.4f", k, v));
                    }
                });
        return s.toString();
    }

    /** Finishes the display; never closes the writer. */
    @Override
    public abstract void close();
}
