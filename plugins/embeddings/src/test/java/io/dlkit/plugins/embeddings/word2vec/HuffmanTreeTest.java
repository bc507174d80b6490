package io.dlkit.plugins.embeddings.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HuffmanTreeTest {
    // CLRS's example (section 16.3): f 45, d 16, b 13, c 12, e 9, a 5 (sorted by count)
    private static final long[] COUNTS = {45, 16, 13, 12, 9, 5};

    @Test
    void should_give_the_textbook_huffman_code_lengths() {
        HuffmanTree tree = new HuffmanTree(COUNTS);

        // then: f 1 bit, d b c 3 bits, e a 4 bits; expected length 224 / 100 = 2.24 bits
        int[] lengths = new int[COUNTS.length];
        double expected = 0;
        for (int w = 0; w < COUNTS.length; w++) {
            lengths[w] = tree.codes(w).length;
            expected += COUNTS[w] * lengths[w] / 100.0;
        }
        assertThat(lengths).containsExactly(1, 3, 3, 3, 4, 4);
        assertThat(expected).isEqualTo(2.24, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void should_form_a_complete_prefix_code_with_paths_from_the_root() {
        HuffmanTree tree = new HuffmanTree(COUNTS);
        List<String> codes = new ArrayList<>();
        double kraft = 0;
        for (int w = 0; w < COUNTS.length; w++) {
            StringBuilder s = new StringBuilder();
            for (byte b : tree.codes(w)) {
                s.append(b);
            }
            codes.add(s.toString());
            kraft += Math.pow(2, -tree.codes(w).length);
            // every path starts at the root (inner node V - 2) and visits inner nodes only
            assertThat(tree.points(w)[0]).isEqualTo(COUNTS.length - 2);
            assertThat(java.util.Arrays.stream(tree.points(w)).boxed().toList())
                    .allMatch(p -> p >= 0 && p <= COUNTS.length - 2);
        }
        // then: no code is a prefix of another, and Kraft's sum is exactly 1 (a full tree)
        for (String a : codes) {
            for (String b : codes) {
                if (a != b) {
                    assertThat(b.startsWith(a)).as(a + " prefix of " + b).isFalse();
                }
            }
        }
        assertThat(kraft).isEqualTo(1.0);
    }

    @Test
    void should_agree_on_the_shared_inner_node_of_two_sibling_leaves() {
        // given: a (5) and e (9) are merged first, into inner node 0; as in the C tool the second
        // smallest (e) takes branch 1
        HuffmanTree tree = new HuffmanTree(COUNTS);
        int[] e = tree.points(4);
        int[] a = tree.points(5);
        assertThat(e[e.length - 1]).isEqualTo(0).isEqualTo(a[a.length - 1]);
        assertThat(tree.codes(4)[3]).isEqualTo((byte) 1);
        assertThat(tree.codes(5)[3]).isEqualTo((byte) 0);
    }

    @Test
    void should_handle_one_word_and_reject_unsorted_counts() {
        assertThat(new HuffmanTree(new long[] {3}).codes(0)).isEmpty();
        assertThatThrownBy(() -> new HuffmanTree(new long[] {1, 2}))
                .hasMessage("counts must be sorted in descending order");
    }
}
