package io.dlkit.plugins.embeddings.word2vec;

import java.util.concurrent.atomic.AtomicLong;

/** Counts words processed by all threads and reports to a listener at most once per interval. */
final class ProgressMeter {
    private final AtomicLong done = new AtomicLong();
    private final long total;
    private final Progress.Listener listener;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastReport = start;

    ProgressMeter(long total, Progress.Listener listener, long intervalNanos) {
        this.total = total;
        this.listener = listener;
        this.intervalNanos = intervalNanos;
    }

    /** Adds {@code words} and returns the words done by every thread so far. */
    long add(long words) {
        return done.addAndGet(words);
    }

    /** Reports if the interval has passed since the last report. */
    void maybeReport(double alpha) {
        long now = System.nanoTime();
        if (now - lastReport >= intervalNanos) {
            synchronized (this) {
                if (now - lastReport >= intervalNanos) {
                    lastReport = now;
                    listener.onProgress(progress(now, alpha));
                }
            }
        }
    }

    /** The final report. */
    synchronized void finish(double alpha) {
        listener.onProgress(progress(System.nanoTime(), alpha));
    }

    private Progress progress(long now, double alpha) {
        long words = done.get();
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double speed = words / seconds;
        double eta = speed > 0 ? Math.max(0, total - words) / speed : 0;
        return new Progress(words, total, alpha, speed, eta, "words", Double.NaN);
    }
}
