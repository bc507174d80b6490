package io.dlkit.plugins.embeddings.word2vec;

/**
 * How far a training run is.
 *
 * @param done the words processed so far (over all passes)
 * @param total the words to process ({@code passes x corpus words})
 * @param learningRate the current learning rate
 * @param wordsPerSecond the average speed since the start
 * @param etaSeconds the seconds left at that speed
 * @param unit what {@code done} counts: {@code words} (word2vec) or {@code pairs} (GloVe)
 * @param loss the mean loss of the last pass, or NaN when not measured
 */
public record Progress(
        long done,
        long total,
        double learningRate,
        double wordsPerSecond,
        double etaSeconds,
        String unit,
        double loss) {
    /** Progress as a fraction in [0, 1]. */
    public double fraction() {
        return total == 0 ? 1 : Math.min(1, (double) done / total);
    }

    /**
     * {@code 45.0% 123,456 words/s lr 0.012345 ETA 0:12}, then {@code loss 0.0123} when the loss is
     * known.
     */
    public String line() {
        long eta = Math.round(etaSeconds);
        String text =
                String.format(
                        java.util.Locale.ROOT,
                        "%5.1f%%  %,.0f %s/s  lr %.6f  ETA %d:%02d",
                        100 * fraction(),
                        wordsPerSecond,
                        unit,
                        learningRate,
                        eta / 60,
                        eta % 60);
        return Double.isNaN(loss)
                ? text
                : text + String.format(java.util.Locale.ROOT, "  loss %.6f", loss);
    }

    /** Receives progress from a training run (from any worker thread, one call at a time). */
    @FunctionalInterface
    public interface Listener {
        /** Called about once per {@code interval} and once at the end. */
        void onProgress(Progress progress);

        /** A listener that ignores everything. */
        static Listener none() {
            return p -> {};
        }
    }
}
