package io.dlkit.cli.progress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar per epoch, drawn by {@link EpochBarRenderer}: the message carries the
 * figures and the whole run's ETA; when the epoch ends, its line keeps loss, accuracy and the
 * validation figures.
 */
final class BarProgress extends Progress {
    private final PrintWriter out;
    private final int width;
    private final ProgressBarStyle style;
    private final Meter meter;
    private ProgressBar bar;

    BarProgress(PrintWriter out, int width, ProgressBarStyle style, LongSupplier nanoClock) {
        this.out = out;
        this.width = width;
        this.style = style;
        this.meter = new Meter(nanoClock);
    }

    @Override
    public void startEpoch(int epoch, int epochs, int steps) {
        meter.startEpoch(epoch, epochs, steps);
        finishBar();
        bar =
                new ProgressBarBuilder()
                        .setTaskName(meter.epochLabel())
                        .setInitialMax(steps)
                        .setRenderer(new EpochBarRenderer(style))
                        .setConsumer(new WriterConsumer(out, width))
                        .setUpdateIntervalMillis(250)
                        .build();
    }

    @Override
    public void step(int samples, double loss, double accuracy) {
        meter.step(samples, loss, accuracy);
        if (bar != null) {
            bar.stepTo(meter.step());
            bar.setExtraMessage(meter.figures());
        }
    }

    @Override
    public void endEpoch(double valLoss, double valAccuracy) {
        if (bar != null) {
            String validation = LineProgress.validation(valLoss, valAccuracy);
            // The run's ETA and rate make way for the validation figures on the finished line.
            bar.setExtraMessage((meter.metrics() + " " + validation).strip());
        }
        finishBar();
    }

    @Override
    public void endEpoch(double valLoss, double valAccuracy, java.util.Map<String, Double> extra) {
        if (bar != null) {
            String validation = LineProgress.validation(valLoss, valAccuracy);
            bar.setExtraMessage(
                    (meter.metrics() + " " + validation + " " + metrics(extra)).strip());
        }
        finishBar();
    }

    @Override
    public void close() {
        finishBar();
        out.flush();
    }

    private void finishBar() {
        if (bar != null) {
            bar.close(); // renders the final state, ends the line and stops the refresh thread
            bar = null;
        }
    }

    /** Draws the bar on a writer, redrawing the same line with a carriage return. */
    private static final class WriterConsumer implements ProgressBarConsumer {
        private final PrintWriter out;
        private final int width;
        private int lastLength;
        private boolean closed;

        WriterConsumer(PrintWriter out, int width) {
            this.out = out;
            this.width = width;
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public void accept(String rendered) {
            synchronized (out) {
                // The library may deliver one last asynchronous refresh after close(): drop it,
                // or it would redraw over the finished line.
                if (closed) return;
                out.print('\r');
                out.print(rendered); // already fitted to the width by EpochBarRenderer
                // Blank what is left of a longer previous drawing.
                if (rendered.length() < lastLength) {
                    out.print(" ".repeat(lastLength - rendered.length()));
                }
                lastLength = rendered.length();
                out.flush();
            }
        }

        @Override
        public void close() {
            synchronized (out) {
                if (closed) return;
                closed = true;
                out.println();
                out.flush();
            }
        }
    }
}
