package io.dlkit.plugins.rnn.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.plugins.rnn.lm.CharVocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows, greedy and beam decoding against a hand-made model whose next-character distribution
 * depends on the prefix: greedy takes "a" (0.6) and then "a" (0.55) to the last step, "aaa" with
 * 0.6 x 0.55 x 0.55 = 0.18; beam 2 keeps "b" and finds it ends, 0.4 x 1.0 = 0.4, above "a" + EOS
 * (0.27).
 */
class Seq2SeqDecoderTest {
    // ids: GO 0, EOS 1, a 2, b 3 (code-point order of "\u0002\u0003ab")
    private static final Seq2SeqCodec CODEC =
            new Seq2SeqCodec(new CharVocabulary("\u0002\u0003ab"), 2, 3);

    @Test
    void should_put_the_source_and_the_prefix_after_go_in_one_row() {
        assertThat(CODEC.row("b", new int[] {2})).containsExactly(3, -1, 0, 2, -1);
    }

    @Test
    void should_decode_greedily_and_find_the_likelier_sequence_with_a_beam() {
        Seq2SeqDecoder decoder = new Seq2SeqDecoder(Seq2SeqDecoderTest::model, CODEC);
        assertThat(decoder.greedy(List.of("x"))).containsExactly("aaa");
        assertThat(decoder.beam("x", 2)).isEqualTo("b");
    }

    /** log-probabilities per step from the prefix in each row: {@code [rows, 3, 4]}. */
    private static float[] model(float[] rows, int count) {
        int width = 5;
        float[] z = new float[count * 3 * 4];
        for (int r = 0; r < count; r++) {
            for (int t = 0; t < 3; t++) {
                int prev = t == 0 ? 0 : (int) rows[r * width + 2 + t];
                double[] p =
                        switch (prev) {
                            case 0 -> new double[] {0, 0, 0.6, 0.4}; // after GO
                            case 3 -> new double[] {0, 1.0, 0, 0}; // after b: EOS
                            default -> new double[] {0, 0.45, 0.55, 0}; // after a
                        };
                for (int c = 0; c < 4; c++)
                    z[(r * 3 + t) * 4 + c] = (float) Math.log(Math.max(p[c], 1e-9));
            }
        }
        return z;
    }
}
