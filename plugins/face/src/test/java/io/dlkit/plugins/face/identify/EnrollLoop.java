package io.dlkit.plugins.face.identify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A second process for {@link ConcurrentEnrolmentTest}: {@code EnrollLoop DB NAME COUNT DIR}
 * creates {@code DIR/ready-NAME}, waits for {@code DIR/go}, then enrols COUNT descriptors under
 * NAME, one transaction each (2 ms apart), and exits 0.
 */
public final class EnrollLoop {
    private EnrollLoop() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        Path dir = Path.of(args[3]);
        try (FaceDatabase faces = FaceDatabase.open(db)) {
            Files.createFile(dir.resolve("ready-" + name));
            while (!Files.exists(dir.resolve("go"))) {
                Thread.sleep(5);
            }
            for (int i = 0; i < count; i++) {
                float[] d = {i, name.length(), 0, 1};
                faces.enroll(name, "m", List.of(d), "sha-" + i, List.of("0,0,1,1"));
                // a pause between transactions keeps both writers busy over the same interval, so
                // they interleave even when one transaction is faster than the other's start
                Thread.sleep(2);
            }
        }
    }
}
