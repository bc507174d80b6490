package io.dlkit.plugins.face.train;

import io.dlkit.backend.image.Images;
import io.dlkit.plugins.face.FaceImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Stand-in identities where no identity-labelled face set exists: each face becomes one identity,
 * and its images are random variations of it, each a small crop (85-100 % of the side, anywhere
 * inside), a mirror image half of the time, and a colour jitter (brightness x0.8-1.2, contrast
 * x0.8-1.2 about the mean, each channel x0.9-1.1). Written as {@code DIR/face_NN/NNN.png}, the LFW
 * layout {@code face train} reads. Seeded: the same faces and seed give the same images.
 */
public final class AugmentedIdentities {
    private AugmentedIdentities() {}

    /**
     * Writes {@code perIdentity} variations of each face under {@code dir}.
     *
     * @return the identity folders, in face order
     */
    public static List<Path> write(Path dir, List<FaceImage> faces, int perIdentity, long seed)
            throws IOException {
        List<Path> folders = new ArrayList<>();
        for (int f = 0; f < faces.size(); f++) {
            Path person = dir.resolve(String.format(Locale.ROOT, "face_%02d", f + 1));
            Files.createDirectories(person);
            SplittableRandom r = new SplittableRandom(IdentityBatches.mix(seed, f, 0));
            for (int i = 0; i < perIdentity; i++) {
                FaceImage v = variation(faces.get(f), r);
                Images.write(
                        person.resolve(String.format(Locale.ROOT, "%03d.png", i + 1)), v.toImage());
            }
            folders.add(person);
        }
        return folders;
    }

    /** One random variation of {@code face}. */
    public static FaceImage variation(FaceImage face, SplittableRandom r) {
        double scale = 0.85 + 0.15 * r.nextDouble();
        int w = Math.max(1, (int) Math.round(face.width() * scale));
        int h = Math.max(1, (int) Math.round(face.height() * scale));
        int x = r.nextInt(face.width() - w + 1);
        int y = r.nextInt(face.height() - h + 1);
        FaceImage crop = face.crop(x, y, w, h);
        boolean flip = r.nextBoolean();
        double brightness = 0.8 + 0.4 * r.nextDouble();
        double contrast = 0.8 + 0.4 * r.nextDouble();
        double[] gain = {
            0.9 + 0.2 * r.nextDouble(), 0.9 + 0.2 * r.nextDouble(), 0.9 + 0.2 * r.nextDouble()
        };
        float[] src = crop.rgb();
        double mean = 0;
        for (float v : src) mean += v;
        mean /= src.length;
        float[] out = new float[src.length];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int from = (row * w + (flip ? w - 1 - col : col)) * 3;
                int to = (row * w + col) * 3;
                for (int c = 0; c < 3; c++) {
                    double v = ((src[from + c] - mean) * contrast + mean) * brightness * gain[c];
                    out[to + c] = (float) Math.round(Math.max(0, Math.min(255, v)));
                }
            }
        }
        return new FaceImage(out, h, w);
    }
}
