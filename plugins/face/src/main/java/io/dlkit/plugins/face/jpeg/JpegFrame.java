package io.dlkit.plugins.face.jpeg;

/**
 * The parsed markers and decoded coefficient blocks of a baseline JPEG: quantisation and Huffman
 * tables, the frame header, restart interval, and one interleaved scan (ITU T.81, F.2).
 */
final class JpegFrame {
    static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27,
        20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63
    };

    int width;
    int height;
    int components;
    int[] id;
    int[] h;
    int[] v;
    int[] tq;
    int maxH = 1;
    int maxV = 1;
    int mcusPerLine;
    int mcusPerColumn;
    int[][][] blocks; // [component][blockRow * blocksPerLineForMcu + blockCol][64]
    private final int[][] quant = new int[4][];
    private final HuffmanTable[] dc = new HuffmanTable[4];
    private final HuffmanTable[] ac = new HuffmanTable[4];
    private int restartInterval;
    private boolean decoded;

    private JpegFrame() {}

    /** Parses and decodes; null for a JPEG this decoder does not handle. */
    static JpegFrame parse(byte[] d) {
        JpegFrame f = new JpegFrame();
        int pos = 2;
        while (pos < d.length) {
            if ((d[pos] & 0xff) != 0xFF) {
                pos++;
                continue;
            }
            int marker = d[pos + 1] & 0xff;
            pos += 2;
            if (marker == 0xFF || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos -= 1;
                continue;
            }
            if (marker == 0xD9) {
                break;
            }
            int len = u16(d, pos);
            int body = pos + 2;
            switch (marker) {
                case 0xDB -> f.readQuant(d, body, pos + len);
                case 0xC4 -> f.readHuffman(d, body, pos + len);
                case 0xC0, 0xC1 -> {
                    if (!f.readFrame(d, body)) {
                        return null;
                    }
                }
                case 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> {
                    return null;
                }
                case 0xDD -> f.restartInterval = u16(d, body);
                case 0xDA -> {
                    if (f.decoded || f.blocks == null) {
                        return null;
                    }
                    int next = f.readScan(d, body);
                    if (next < 0) {
                        return null;
                    }
                    pos = next;
                    continue;
                }
                default -> {}
            }
            pos += len;
        }
        return f.decoded ? f : null;
    }

    private void readQuant(byte[] d, int p, int end) {
        while (p < end) {
            int spec = d[p++] & 0xff;
            int[] table = new int[64];
            for (int j = 0; j < 64; j++) {
                if ((spec >> 4) == 0) {
                    table[ZIGZAG[j]] = d[p++] & 0xff;
                } else {
                    table[ZIGZAG[j]] = u16(d, p);
                    p += 2;
                }
            }
            quant[spec & 15] = table;
        }
    }

    private void readHuffman(byte[] d, int p, int end) {
        while (p < end) {
            int spec = d[p++] & 0xff;
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = d[p++] & 0xff;
                total += counts[i];
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = d[p++] & 0xff;
            }
            HuffmanTable t = new HuffmanTable(counts, values);
            if ((spec >> 4) == 0) {
                dc[spec & 15] = t;
            } else {
                ac[spec & 15] = t;
            }
        }
    }

    private boolean readFrame(byte[] d, int p) {
        if ((d[p] & 0xff) != 8) {
            return false;
        }
        height = u16(d, p + 1);
        width = u16(d, p + 3);
        components = d[p + 5] & 0xff;
        if ((components != 1 && components != 3) || width == 0 || height == 0) {
            return false;
        }
        id = new int[components];
        h = new int[components];
        v = new int[components];
        tq = new int[components];
        for (int c = 0; c < components; c++) {
            id[c] = d[p + 6 + 3 * c] & 0xff;
            h[c] = (d[p + 7 + 3 * c] & 0xff) >> 4;
            v[c] = d[p + 7 + 3 * c] & 15;
            tq[c] = d[p + 8 + 3 * c] & 0xff;
            maxH = Math.max(maxH, h[c]);
            maxV = Math.max(maxV, v[c]);
        }
        mcusPerLine = (int) Math.ceil(width / 8.0 / maxH);
        mcusPerColumn = (int) Math.ceil(height / 8.0 / maxV);
        blocks = new int[components][][];
        for (int c = 0; c < components; c++) {
            blocks[c] = new int[mcusPerColumn * v[c] * mcusPerLine * h[c]][64];
        }
        return true;
    }

    /**
     * Decodes the scan starting at the SOS body; returns the offset after it, -1 if unsupported.
     */
    private int readScan(byte[] d, int p) {
        int n = d[p] & 0xff;
        if (n != components) {
            return -1; // non-interleaved multi-scan files: leave them to ImageIO
        }
        HuffmanTable[] dcs = new HuffmanTable[n];
        HuffmanTable[] acs = new HuffmanTable[n];
        for (int i = 0; i < n; i++) {
            int c = indexOf(d[p + 1 + 2 * i] & 0xff);
            int tables = d[p + 2 + 2 * i] & 0xff;
            dcs[c] = dc[tables >> 4];
            acs[c] = ac[tables & 15];
            if (dcs[c] == null || acs[c] == null || quant[tq[c]] == null) {
                throw new IllegalStateException("a scan uses a table that was never defined");
            }
        }
        int start = p + 1 + 2 * n + 3;
        int end = new ScanDecoder(this, d, start, dcs, acs, restartInterval).run();
        decoded = true;
        return end;
    }

    private int indexOf(int componentId) {
        for (int c = 0; c < components; c++) {
            if (id[c] == componentId) {
                return c;
            }
        }
        throw new IllegalStateException("scan names unknown component " + componentId);
    }

    /** Blocks per line of component {@code c} that hold image samples. */
    int blocksPerLine(int c) {
        return (int) Math.ceil(Math.ceil(width / 8.0) * h[c] / maxH);
    }

    int blocksPerColumn(int c) {
        return (int) Math.ceil(Math.ceil(height / 8.0) * v[c] / maxV);
    }

    /** Component {@code c}'s samples, {@code blocksPerLine * 8} wide. */
    int[] samples(int c) {
        int bpl = blocksPerLine(c);
        int bpc = blocksPerColumn(c);
        int stride = bpl * 8;
        int[] out = new int[stride * bpc * 8];
        int[] scratch = new int[64];
        int rowBlocks = mcusPerLine * h[c];
        for (int br = 0; br < bpc; br++) {
            for (int bc = 0; bc < bpl; bc++) {
                JsIdct.inverse(
                        blocks[c][br * rowBlocks + bc],
                        quant[tq[c]],
                        scratch,
                        out,
                        br * 8 * stride + bc * 8,
                        stride);
            }
        }
        return out;
    }

    static int u16(byte[] d, int p) {
        return ((d[p] & 0xff) << 8) | (d[p + 1] & 0xff);
    }
}
