package io.dlkit.plugins.rnn.seq2seq;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Decodes with a trained encoder-decoder: greedy (each step's most likely character, fed back) or
 * beam search (the {@code beam} most likely prefixes by summed log-probability, each extended by
 * every character, the best {@code beam} kept; a prefix ending in EOS is finished). The model is
 * run once per output step on rows holding the source and the prefix so far ({@link
 * Seq2SeqCodec#row}), which works because the decoder is causal.
 */
public final class Seq2SeqDecoder {
    /** The model's logits for {@code rows} rows: {@code [rows, targetSteps, vocab]}, row-major. */
    @FunctionalInterface
    public interface BatchLogits {
        float[] of(float[] rows, int count);
    }

    private final BatchLogits model;
    private final Seq2SeqCodec codec;
    private final int v;

    /** A decoder over {@code model}. */
    public Seq2SeqDecoder(BatchLogits model, Seq2SeqCodec codec) {
        this.model = requireNonNull(model, "model is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.v = codec.vocab().size();
    }

    /** The greedy translations of {@code sources}, all decoded together. */
    public List<String> greedy(List<String> sources) {
        int n = sources.size();
        int steps = codec.targetSteps();
        int[][] out = new int[n][0];
        boolean[] done = new boolean[n];
        for (int t = 0; t < steps; t++) {
            float[] z = model.of(rows(sources, out), n);
            for (int i = 0; i < n; i++) {
                if (done[i]) continue;
                int best = argMax(z, (i * steps + t) * v);
                if (best == codec.id(Seq2SeqCodec.EOS)) done[i] = true;
                else out[i] = append(out[i], best);
            }
        }
        List<String> texts = new ArrayList<>();
        for (int[] ids : out) texts.add(text(ids));
        return texts;
    }

    /** The best translation of {@code source} by beam search of width {@code beam}. */
    public String beam(String source, int beam) {
        if (beam < 1) throw new IllegalArgumentException("--beam must be >= 1, got " + beam);
        int steps = codec.targetSteps();
        record Hyp(int[] ids, double logp) {}
        List<Hyp> open = List.of(new Hyp(new int[0], 0));
        List<Hyp> finished = new ArrayList<>();
        for (int t = 0; t < steps && !open.isEmpty(); t++) {
            List<String> src = new ArrayList<>();
            int[][] prefixes = new int[open.size()][];
            for (int h = 0; h < open.size(); h++) {
                src.add(source);
                prefixes[h] = open.get(h).ids();
            }
            float[] z = model.of(rows(src, prefixes), open.size());
            List<Hyp> next = new ArrayList<>();
            for (int h = 0; h < open.size(); h++) {
                double[] logp = logSoftmax(z, (h * steps + t) * v);
                for (int c = 0; c < v; c++) {
                    double s = open.get(h).logp() + logp[c];
                    boolean end = c == codec.id(Seq2SeqCodec.EOS) || t == steps - 1;
                    Hyp hyp =
                            new Hyp(
                                    end && c == codec.id(Seq2SeqCodec.EOS)
                                            ? open.get(h).ids()
                                            : append(open.get(h).ids(), c),
                                    s);
                    if (end) finished.add(hyp);
                    else next.add(hyp);
                }
            }
            next.sort(Comparator.comparingDouble(Hyp::logp).reversed());
            open = next.subList(0, Math.min(beam, next.size()));
            finished.sort(Comparator.comparingDouble(Hyp::logp).reversed());
            if (finished.size() >= beam
                    && (open.isEmpty() || finished.get(beam - 1).logp() >= open.get(0).logp())) {
                break;
            }
        }
        finished.sort(Comparator.comparingDouble(Hyp::logp).reversed());
        return finished.isEmpty() ? "" : text(finished.get(0).ids());
    }

    private float[] rows(List<String> sources, int[][] prefixes) {
        int width = codec.sourceSteps() + codec.targetSteps();
        float[] x = new float[sources.size() * width];
        for (int i = 0; i < sources.size(); i++)
            System.arraycopy(codec.row(sources.get(i), prefixes[i]), 0, x, i * width, width);
        return x;
    }

    private String text(int[] ids) {
        StringBuilder b = new StringBuilder();
        for (int id : ids) b.append(codec.vocab().decode(id));
        return b.toString();
    }

    private int argMax(float[] z, int from) {
        int best = 0;
        for (int c = 1; c < v; c++) if (z[from + c] > z[from + best]) best = c;
        return best;
    }

    private double[] logSoftmax(float[] z, int from) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < v; c++) max = Math.max(max, z[from + c]);
        double sum = 0;
        for (int c = 0; c < v; c++) sum += Math.exp(z[from + c] - max);
        double[] out = new double[v];
        for (int c = 0; c < v; c++) out[c] = z[from + c] - max - Math.log(sum);
        return out;
    }

    private static int[] append(int[] a, int x) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }
}
