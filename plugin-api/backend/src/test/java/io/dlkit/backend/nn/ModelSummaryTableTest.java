package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary table keeps its columns apart, whatever the size of the numbers. */
class ModelSummaryTableTest {
    @Test
    void should_keep_columns_apart_for_large_counts_and_long_names() {
        // given: 4,000,000,001 parameters (15 characters) and a 40-character layer name
        ModelSummary s =
                new ModelSummary(
                        List.of(
                                new ModelSummary.Row(
                                        "a_very_long_layer_name_for_a_dense_layer",
                                        "dense",
                                        new long[] {1_000_000_000L, 1_000_000_000L},
                                        4_000_000_001L,
                                        0,
                                        8_000_000_000_000L)));

        // when
        List<String> lines = s.table().lines().toList();

        // then: every cell is separated from the next by at least two spaces
        String row = lines.get(2);
        assertThat(row)
                .contains("a_very_long_layer_name_for_a_dense_layer (dense)  (None, ")
                .contains("1000000000)  ")
                .containsPattern("  4,000,000,001  +8,000,000,000,000$");
        assertThat(lines.get(0)).containsPattern("Output Shape +Param # +FLOPs$");
    }

    @Test
    void should_keep_keras_widths_for_small_models() {
        // given
        ModelSummary s =
                new ModelSummary(
                        List.of(
                                new ModelSummary.Row(
                                        "dense_1", "dense", new long[] {4}, 12, 0, 24)));

        // then
        assertThat(s.table().lines().toList().get(2))
                .isEqualTo(
                        String.format(
                                "%-28s%-22s%14s%16s", "dense_1 (dense)", "(None, 4)", "12", "24"));
    }
}
