package io.dlkit.plugins.embeddings.tsne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TsneTest {
    private static double[] gaussianClusters(int clusters, int perCluster, int dim, long seed) {
        Random random = new Random(seed);
        double[] x = new double[clusters * perCluster * dim];
        for (int c = 0; c < clusters; c++) {
            double[] centre = new double[dim];
            for (int d = 0; d < dim; d++) {
                centre[d] = random.nextGaussian() * 10;
            }
            for (int p = 0; p < perCluster; p++) {
                for (int d = 0; d < dim; d++) {
                    x[((c * perCluster) + p) * dim + d] = centre[d] + random.nextGaussian();
                }
            }
        }
        return x;
    }

    @Test
    void should_calibrate_each_row_to_the_requested_perplexity() {
        // given
        int n = 40;
        double[] dist = Tsne.squaredDistances(gaussianClusters(2, 20, 5, 1), n, 5);
        double[] p = new double[n * n];

        for (int i = 0; i < n; i++) {
            // when
            Tsne.calibrateRow(dist, n, i, 10, p);

            // then: 2^H in bits, e^H in nats: the perplexity; each row a distribution
            double h = 0;
            double sum = 0;
            for (int j = 0; j < n; j++) {
                if (p[i * n + j] > 0) {
                    h -= p[i * n + j] * Math.log(p[i * n + j]);
                }
                sum += p[i * n + j];
            }
            assertThat(Math.exp(h)).isCloseTo(10, within(1e-3));
            assertThat(sum).isCloseTo(1, within(1e-12));
            assertThat(p[i * n + i]).isZero();
        }
    }

    @Test
    void should_compute_the_gradient_of_the_kl_divergence_as_finite_differences_do() {
        // given: a random P and map
        int n = 7;
        double[] p =
                Tsne.jointProbabilities(
                        Tsne.squaredDistances(gaussianClusters(1, n, 3, 2), n, 3), n, 2);
        Random random = new Random(3);
        double[] y = new double[2 * n];
        for (int k = 0; k < y.length; k++) {
            y[k] = random.nextGaussian();
        }
        double[] grad = new double[2 * n];

        // when
        Tsne.gradient(p, y, n, 1, grad);

        // then: central differences of KL(P || Q)
        for (int k = 0; k < y.length; k++) {
            double h = 1e-6;
            double keep = y[k];
            y[k] = keep + h;
            double up = Tsne.klDivergence(p, y, n);
            y[k] = keep - h;
            double down = Tsne.klDivergence(p, y, n);
            y[k] = keep;
            assertThat(grad[k])
                    .as("coordinate " + k)
                    .isCloseTo((up - down) / (2 * h), within(1e-6));
        }
    }

    @Test
    void should_keep_well_separated_clusters_apart_in_the_map() {
        // given: 3 clusters of 15 points in 10-D
        int n = 45;
        double[] x = gaussianClusters(3, 15, 10, 4);

        // when
        double[] y = Tsne.embed(x, n, 10, TsneSpec.defaults(1).with(10, 1000));

        // then: the map fits (KL from 1.43 at the start) and every point's nearest map
        // neighbour is from its own cluster
        assertThat(Tsne.klDivergence(x, n, 10, 10, y)).isLessThan(0.2);
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int j = 0; j < n; j++) {
                double d = Math.hypot(y[2 * i] - y[2 * j], y[2 * i + 1] - y[2 * j + 1]);
                if (j != i && d < bestD) {
                    best = j;
                    bestD = d;
                }
            }
            assertThat(best / 15).as("point " + i).isEqualTo(i / 15);
        }
    }

    @Test
    void should_draw_a_labelled_png_of_the_requested_size() throws IOException {
        // given
        List<String> labels = new ArrayList<>(List.of("alpha", "beta", "日本"));
        double[] xy = {0, 0, 1, 1, -1, 2};

        // when
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ScatterPlot.writePng(ScatterPlot.draw(xy, labels, "map", 400, 300), png);

        // then: a PNG that decodes, with ink on it besides the white background
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertThat(back.getWidth()).isEqualTo(400);
        assertThat(back.getHeight()).isEqualTo(300);
        int coloured = 0;
        for (int px = 0; px < 400; px++) {
            for (int py = 0; py < 300; py++) {
                int rgb = back.getRGB(px, py) & 0xFFFFFF;
                if (rgb == 0x1f77b4) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).as("pixels of the dot colour").isGreaterThan(3 * 10);
    }
}
