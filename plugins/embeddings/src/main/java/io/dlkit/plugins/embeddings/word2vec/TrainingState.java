package io.dlkit.plugins.embeddings.word2vec;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Everything word2vec needs to go on after a pass: the passes and words done, each thread's random
 * state, and the three matrices (a missing one is {@code null}). {@code fingerprint} names the
 * settings, vocabulary and corpus it belongs to, so a resume with other ones is refused.
 *
 * @param fingerprint what the state was trained with (settings, vocabulary size, corpus hash)
 * @param passes the passes completed
 * @param words the words counted for the learning rate so far
 * @param random each thread's random state, in thread order
 * @param syn0 the word vectors
 * @param syn1 the inner nodes of hierarchical softmax, or null
 * @param syn1neg the output vectors of negative sampling, or null
 */
public record TrainingState(
        String fingerprint,
        int passes,
        long words,
        long[] random,
        float[] syn0,
        float[] syn1,
        float[] syn1neg) {
    private static final int MAGIC = 0x646c7732; // "dlw2"

    /** Writes the state to {@code file} atomically (a temporary file beside it, then a rename). */
    public void save(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out =
                new DataOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeUTF(fingerprint);
            out.writeInt(passes);
            out.writeLong(words);
            out.writeInt(random.length);
            for (long r : random) {
                out.writeLong(r);
            }
            writeFloats(out, syn0);
            writeFloats(out, syn1);
            writeFloats(out, syn1neg);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a state written by {@link #save}; throws on a file of another kind. */
    public static TrainingState load(Path file) throws IOException {
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a dlkit word2vec training state");
            }
            String fingerprint = in.readUTF();
            int passes = in.readInt();
            long words = in.readLong();
            long[] random = new long[in.readInt()];
            for (int i = 0; i < random.length; i++) {
                random[i] = in.readLong();
            }
            return new TrainingState(
                    fingerprint,
                    passes,
                    words,
                    random,
                    readFloats(in),
                    readFloats(in),
                    readFloats(in));
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values == null ? -1 : values.length);
        if (values != null) {
            for (float v : values) {
                out.writeInt(Float.floatToRawIntBits(v));
            }
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = Float.intBitsToFloat(in.readInt());
        }
        return values;
    }
}
