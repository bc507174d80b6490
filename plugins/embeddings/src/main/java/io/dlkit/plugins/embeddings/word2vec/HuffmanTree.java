package io.dlkit.plugins.embeddings.word2vec;

import io.dlkit.plugins.embeddings.corpus.Vocabulary;

/**
 * The Huffman tree of hierarchical softmax, built as the C tool's {@code CreateBinaryTree} builds
 * it from counts sorted in descending order: two queues (the leaves, and the inner nodes as they
 * are made) always yield the two smallest counts in linear time. Word {@code w}'s path from the
 * root visits inner nodes {@link #points(int)} (rows of the output matrix, root = V - 2) and takes
 * the branches {@link #codes(int)} (0 or 1) at each; frequent words get short codes.
 */
public final class HuffmanTree {
    private final byte[][] codes;
    private final int[][] points;

    /** The tree over a vocabulary whose counts are sorted in descending order. */
    public HuffmanTree(Vocabulary vocabulary) {
        this(counts(vocabulary));
    }

    /** The tree over {@code counts}, which must be sorted in descending order. */
    public HuffmanTree(long[] counts) {
        int v = counts.length;
        for (int i = 1; i < v; i++) {
            if (counts[i] > counts[i - 1]) {
                throw new IllegalArgumentException("counts must be sorted in descending order");
            }
        }
        codes = new byte[v][];
        points = new int[v][];
        if (v == 1) {
            codes[0] = new byte[0];
            points[0] = new int[0];
            return;
        }
        int[] parent = new int[2 * v - 1];
        byte[] branch = new byte[2 * v - 1];
        link(counts, parent, branch);
        for (int w = 0; w < v; w++) {
            walk(w, v, parent, branch);
        }
    }

    private static long[] counts(Vocabulary vocabulary) {
        long[] c = new long[vocabulary.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = vocabulary.count(i);
        }
        return c;
    }

    private static void link(long[] counts, int[] parent, byte[] branch) {
        int v = counts.length;
        long[] count = new long[2 * v - 1];
        System.arraycopy(counts, 0, count, 0, v);
        java.util.Arrays.fill(count, v, count.length, Long.MAX_VALUE);
        int leaf = v - 1;
        int inner = v;
        for (int a = 0; a < v - 1; a++) {
            int min1 = leaf >= 0 && count[leaf] < count[inner] ? leaf-- : inner++;
            int min2 = leaf >= 0 && count[leaf] < count[inner] ? leaf-- : inner++;
            count[v + a] = count[min1] + count[min2];
            parent[min1] = v + a;
            parent[min2] = v + a;
            branch[min2] = 1;
        }
    }

    private void walk(int w, int v, int[] parent, byte[] branch) {
        int root = 2 * v - 2;
        int length = 0;
        for (int b = w; b != root; b = parent[b]) {
            length++;
        }
        byte[] code = new byte[length];
        int[] point = new int[length];
        int i = length - 1;
        for (int b = w; b != root; b = parent[b], i--) {
            code[i] = branch[b];
            point[i] = parent[b] - v;
        }
        codes[w] = code;
        points[w] = point;
    }

    /** The branches (0 or 1) from the root to word {@code w}. */
    public byte[] codes(int w) {
        return codes[w];
    }

    /** The inner nodes from the root (index V - 2) on the way to word {@code w}. */
    public int[] points(int w) {
        return points[w];
    }
}
