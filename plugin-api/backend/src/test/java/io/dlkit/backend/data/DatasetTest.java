package io.dlkit.backend.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DatasetTest {
    /** Sample i has features (10i, 10i+1) and label i % 3. */
    private static Dataset sample(int m) {
        float[] x = new float[2 * m];
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            x[2 * i] = 10 * i;
            x[2 * i + 1] = 10 * i + 1;
            y[i] = i % 3;
        }
        return Dataset.ofClasses(x, y, 3, 2);
    }

    @Test
    void should_describe_its_shape() {
        Dataset d = sample(4);

        assertThat(d.size()).isEqualTo(4);
        assertThat(d.featureShape()).containsExactly(2);
        assertThat(d.featureSize()).isEqualTo(2);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(d.classCounts()).containsExactly(2, 1, 1);
        assertThat(d).hasToString("Dataset[4 samples, features (2,), 3 classes]");
    }

    @Test
    void should_copy_a_subset_of_rows() {
        Dataset s = sample(5).subset(1, 3);

        assertThat(s.features()).containsExactly(10, 11, 20, 21);
        assertThat(s.labels()).containsExactly(1, 2);
    }

    @Test
    void should_split_off_the_last_fraction_for_validation() {
        // given: round(8 * 0.25) = 2 validation samples
        Dataset d = sample(8);

        // when
        Dataset.Split split = d.split(0.25);

        // then
        assertThat(split.train().size()).isEqualTo(6);
        assertThat(split.validation().features()).containsExactly(60, 61, 70, 71);
        assertThat(split.validation().labels()).containsExactly(0, 1);
    }

    @Test
    void should_reject_a_fraction_out_of_range() {
        assertThatThrownBy(() -> sample(8).split(1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("valFraction must be between 0 and 1 (exclusive), got 1.0");
    }

    @Test
    void should_reject_a_split_that_leaves_a_part_empty() {
        assertThatThrownBy(() -> sample(4).split(0.1))
                .hasMessage(
                        "valFraction 0.1 of 4 samples leaves an empty validation set; choose a"
                                + " fraction between 0.25 and 0.75");
    }

    @Test
    void should_reshape_features_of_the_same_size() {
        Dataset d = Dataset.ofClasses(new float[12], new int[2], 1, 2, 3, 1).reshaped(6);

        assertThat(d.featureShape()).containsExactly(6);
        assertThatThrownBy(() -> d.reshaped(5))
                .hasMessage("cannot reshape features of shape (6,) (6 values) to (5,)");
    }

    @Test
    void should_scale_and_normalise_with_one_mean_and_std() {
        Dataset d = sample(2); // features 0, 1, 10, 11

        assertThat(d.scaled(0.5f).features()).containsExactly(0, 0.5f, 5, 5.5f);
        // (x - 1) / 2
        assertThat(d.normalized(1f, 2f).features()).containsExactly(-0.5f, 0, 4.5f, 5);
    }

    @Test
    void should_standardise_each_feature_with_training_statistics() {
        // given: feature 0 is {1, 3} (mean 2, std 1), feature 1 is constant 10 (std 0)
        Dataset train = Dataset.ofClasses(new float[] {1, 10, 3, 10}, new int[] {0, 1}, 2, 2);
        Dataset test = Dataset.ofClasses(new float[] {4, 12}, new int[] {0}, 2, 2);

        // when
        FeatureStats stats = train.featureStats();

        // then
        assertThat(stats.mean()).containsExactly(2, 10);
        assertThat(stats.std()).containsExactly(1, 0);
        assertThat(train.normalized(stats).features()).containsExactly(-1, 0, 1, 0);
        assertThat(test.normalized(stats).features()).containsExactly(2, 2); // 12-10, unscaled
    }

    @Test
    void should_compute_the_population_std() {
        // {2, 4, 4, 4, 5, 5, 7, 9}: mean 5, population std 2 (the textbook example)
        float[] x = {2, 4, 4, 4, 5, 5, 7, 9};
        FeatureStats stats = Dataset.ofClasses(x, new int[8], 1, 1).featureStats();

        assertThat(stats.mean()[0]).isEqualTo(5f);
        assertThat(stats.std()[0]).isCloseTo(2f, within(1e-6f));
    }

    @Test
    void should_reject_a_label_out_of_range() {
        assertThatThrownBy(() -> Dataset.ofClasses(new float[2], new int[] {0, 3}, 3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels[1] is 3; class labels must be in 0..2");
    }

    @Test
    void should_reject_features_that_do_not_fit_the_shape() {
        assertThatThrownBy(() -> Dataset.ofClasses(new float[5], new int[2], 1, 3))
                .hasMessage("5 feature values do not make 2 samples of shape (3,)");
    }

    @Test
    void should_hold_float_targets() {
        Dataset d =
                Dataset.ofTargets(
                        new float[] {1, 2, 3},
                        new long[] {1},
                        new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f},
                        2);

        assertThat(d.size()).isEqualTo(3);
        assertThat(d.targetSize()).isEqualTo(2);
        assertThat(d.subset(2, 3).targets()).containsExactly(0.5f, 0.6f);
        assertThat(d).hasToString("Dataset[3 samples, features (1,), targets (2,)]");
        assertThatThrownBy(d::labels)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this data set has float targets, not class labels; use targets()");
    }
}
