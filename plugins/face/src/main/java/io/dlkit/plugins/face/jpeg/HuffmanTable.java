package io.dlkit.plugins.face.jpeg;

/**
 * A JPEG Huffman table in the decoding form of ITU T.81 F.2.2.3: for each code length the largest
 * code, the smallest code and where its values start.
 */
final class HuffmanTable {
    final int[] maxCode = new int[18];
    final int[] minCode = new int[17];
    final int[] valPtr = new int[17];
    final int[] values;

    HuffmanTable(int[] counts, int[] values) {
        this.values = values;
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            if (n == 0) {
                maxCode[len] = -1;
            } else {
                valPtr[len] = k;
                minCode[len] = code;
                code += n;
                k += n;
                maxCode[len] = code - 1;
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }
}
