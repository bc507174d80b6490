package io.dlkit.plugins.face.train;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Made-up identities for tests that train but need no real faces (resume, steps): person {@code p}
 * is a plain colour, each of its images that colour with its own noise, as {@code
 * DIR/personP/I.png}.
 */
public final class SyntheticIdentities {
    private SyntheticIdentities() {}

    /** Writes {@code n} people of {@code k} 24x24 images each under {@code dir}; returns it. */
    public static Path write(Path dir, int n, int k) throws Exception {
        Random random = new Random(3);
        for (int p = 0; p < n; p++) {
            Path person = Files.createDirectories(dir.resolve("person" + p));
            Color base = new Color(Color.HSBtoRGB(0.2f * p / n, 0.4f, 0.6f));
            for (int i = 0; i < k; i++) {
                BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 24; y++) {
                    for (int x = 0; x < 24; x++) {
                        img.setRGB(x, y, noisy(base, random).getRGB());
                    }
                }
                ImageIO.write(img, "png", person.resolve(i + ".png").toFile());
            }
        }
        return dir;
    }

    private static Color noisy(Color c, Random random) {
        return new Color(
                channel(c.getRed(), random),
                channel(c.getGreen(), random),
                channel(c.getBlue(), random));
    }

    private static int channel(int v, Random random) {
        return Math.max(0, Math.min(255, v + (int) Math.round(random.nextGaussian() * 60)));
    }
}
