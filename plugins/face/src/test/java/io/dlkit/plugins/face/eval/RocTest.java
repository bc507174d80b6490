package io.dlkit.plugins.face.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ROC, AUC, best threshold and the LFW fold protocol on scores worked out by hand. */
class RocTest {
    @Test
    void should_compute_the_curve_and_area_of_five_scored_pairs() {
        // given: scores 0.9 S, 0.8 D, 0.7 S, 0.6 S, 0.2 D (S same, D different): 3 same, 2 diff.
        double[] s = {0.9, 0.8, 0.7, 0.6, 0.2};
        boolean[] y = {true, false, true, true, false};
        // when
        Roc r = Roc.of(s, y);
        // then: walking down the scores the points are (0,0) (0,1/3) (1/2,1/3) (1/2,2/3) (1/2,1)
        // (1,1); area = 1/2 * 1/3 + 1/2 * 1 = 2/3
        assertThat(r.fpr()).containsExactly(0, 0, 0.5, 0.5, 0.5, 1);
        assertThat(r.tpr()).containsExactly(0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 1, 1);
        assertThat(r.auc()).isCloseTo(2.0 / 3, within(1e-12));
        // best: same when score >= 0.4 (between 0.6 and 0.2): 4 of 5 right
        assertThat(r.accuracy()).isCloseTo(0.8, within(1e-12));
        assertThat(r.threshold()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void should_count_tied_scores_as_one_diagonal_step() {
        // one same and one different pair with the same score: the curve goes (0,0) -> (1,1)
        Roc r = Roc.of(new double[] {0.5, 0.5}, new boolean[] {true, false});
        assertThat(r.auc()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void should_choose_each_fold_threshold_on_the_other_folds() {
        // given: fold 0 = {0.9 S, 0.1 D}, fold 1 = {0.6 D, 0.4 S}
        double[] s = {0.9, 0.1, 0.6, 0.4};
        boolean[] y = {true, false, false, true};
        int[] fold = {0, 0, 1, 1};
        // when
        double[] cv = Roc.crossValidated(s, y, fold);
        // then: fold 1's pairs alone are best split at >= 0.65 (both right: 0.6 D, 0.4 S give
        // accuracy 1/2 at any threshold; the first best is below both, so all 'same': 1/2); fold
        // 0's pairs best split between 0.1 and 0.9 at 0.5: on fold 1 that gives 0.6 same (wrong)
        // and 0.4 different (wrong): 0. For fold 0 with fold 1's threshold (the lowest, 0.4 - 1):
        // all same: 1/2. Mean 1/4, deviation 1/4.
        assertThat(cv[0]).isCloseTo(0.25, within(1e-12));
        assertThat(cv[1]).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void should_refuse_pairs_of_only_one_kind() {
        assertThatThrownBy(() -> Roc.of(new double[] {1, 2}, new boolean[] {true, true}))
                .hasMessage("a ROC curve needs same and different pairs, got 2 and 0");
    }
}
