package io.dlkit.plugins.face.jpeg;

/**
 * Decodes one interleaved baseline scan into the frame's coefficient blocks: per MCU, each
 * component's {@code h x v} blocks; DC predictions reset and the bit reader realigns at every
 * restart marker.
 */
final class ScanDecoder {
    private final JpegFrame f;
    private final byte[] d;
    private final HuffmanTable[] dc;
    private final HuffmanTable[] ac;
    private final int restartInterval;
    private final int[] pred;
    private int pos;
    private int bits;
    private int count;

    ScanDecoder(JpegFrame f, byte[] d, int start, HuffmanTable[] dc, HuffmanTable[] ac, int ri) {
        this.f = f;
        this.d = d;
        this.pos = start;
        this.dc = dc;
        this.ac = ac;
        this.restartInterval = ri;
        this.pred = new int[f.components];
    }

    /** Decodes every MCU; returns the offset of the marker after the scan. */
    int run() {
        int expected =
                f.components == 1
                        ? f.blocksPerLine(0) * f.blocksPerColumn(0)
                        : f.mcusPerLine * f.mcusPerColumn;
        int interval = restartInterval == 0 ? expected : restartInterval;
        int mcu = 0;
        while (mcu < expected) {
            java.util.Arrays.fill(pred, 0);
            for (int n = 0; n < interval && mcu < expected; n++, mcu++) {
                decodeMcu(mcu);
            }
            count = 0;
            if (mcu == expected) {
                while (pos < d.length - 2
                        && !((d[pos] & 0xff) == 0xFF && (d[pos + 1] & 0xff) != 0)) {
                    pos++;
                }
                break;
            }
            int marker = JpegFrame.u16(d, pos);
            if (marker < 0xFFD0 || marker > 0xFFD7) {
                throw new IllegalStateException("restart marker missing after MCU " + mcu);
            }
            pos += 2;
        }
        return pos;
    }

    private void decodeMcu(int mcu) {
        if (f.components == 1) {
            int bpl = f.blocksPerLine(0);
            int rowBlocks = f.mcusPerLine * f.h[0];
            decodeBlock(0, f.blocks[0][(mcu / bpl) * rowBlocks + mcu % bpl]);
            return;
        }
        int mcuRow = mcu / f.mcusPerLine;
        int mcuCol = mcu % f.mcusPerLine;
        for (int c = 0; c < f.components; c++) {
            int rowBlocks = f.mcusPerLine * f.h[c];
            for (int j = 0; j < f.v[c]; j++) {
                for (int k = 0; k < f.h[c]; k++) {
                    int row = mcuRow * f.v[c] + j;
                    int col = mcuCol * f.h[c] + k;
                    decodeBlock(c, f.blocks[c][row * rowBlocks + col]);
                }
            }
        }
    }

    private void decodeBlock(int c, int[] zz) {
        int t = decodeHuffman(dc[c]);
        int diff = t == 0 ? 0 : receiveExtend(t);
        pred[c] += diff;
        zz[0] = pred[c];
        int k = 1;
        while (k < 64) {
            int rs = decodeHuffman(ac[c]);
            int s = rs & 15;
            int r = rs >> 4;
            if (s == 0) {
                if (r < 15) {
                    break;
                }
                k += 16;
                continue;
            }
            k += r;
            if (k > 63) {
                throw new IllegalStateException("AC coefficient index past 63");
            }
            zz[JpegFrame.ZIGZAG[k]] = receiveExtend(s);
            k++;
        }
    }

    private int decodeHuffman(HuffmanTable t) {
        int code = readBit();
        int len = 1;
        while (code > t.maxCode[len]) {
            code = (code << 1) | readBit();
            len++;
            if (len > 16) {
                throw new IllegalStateException("invalid Huffman code");
            }
        }
        return t.values[t.valPtr[len] + code - t.minCode[len]];
    }

    private int receiveExtend(int length) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            n = (n << 1) | readBit();
        }
        return n >= 1 << (length - 1) ? n : n + (-1 << length) + 1;
    }

    private int readBit() {
        if (count > 0) {
            count--;
            return (bits >> count) & 1;
        }
        bits = d[pos++] & 0xff;
        if (bits == 0xFF && d[pos++] != 0) {
            throw new IllegalStateException("unexpected marker inside the scan");
        }
        count = 7;
        return bits >>> 7;
    }
}
