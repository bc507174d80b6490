package io.dlkit.cli.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.train.MemoryEstimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryBudgetTest {
    // 2 GiB of variables, no gradients, 1 GiB of activations at batch 64: 3 GiB in all
    private static final MemoryEstimate THREE_GIB = new MemoryEstimate(2L << 30, 0, 1L << 30, 64);

    @ParameterizedTest
    @CsvSource({
        "123, 123",
        "64k, 65536",
        "512m, 536870912",
        "8g, 8589934592",
        "1.5G, 1610612736",
        "2GiB, 2147483648",
        "1t, 1099511627776"
    })
    void should_parse_sizes_in_binary_units(String text, long bytes) {
        assertThat(MemoryOptions.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1g", "12x", "g", "''"})
    void should_refuse_a_size_that_is_not_positive_or_has_an_unknown_unit(String text) {
        assertThatThrownBy(() -> MemoryOptions.parse(text))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "--max-memory "
                                + text
                                + ": expected a positive size such as 8g, 512m or 1024k");
    }

    @Test
    void should_refuse_an_estimate_over_the_limit_with_the_estimate_and_the_way_out() {
        MemoryBudget budget = MemoryBudget.of(1L << 30);

        assertThatThrownBy(() -> budget.check(THREE_GIB, "training m.yaml"))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "training m.yaml needs about 3.0 GiB (variables 2.0 GiB, activations of a"
                                + " 64-sample batch 1.0 GiB), more than the 1.0 GiB --max-memory"
                                + " allows; use a smaller model or --batch-size, or pass"
                                + " --max-memory SIZE or --no-memory-check to try anyway");
    }

    @Test
    void should_accept_what_fits_and_anything_when_unchecked() {
        MemoryBudget.of(3L << 30).check(THREE_GIB, "training m.yaml");
        MemoryBudget.UNCHECKED.check(
                new MemoryEstimate(Long.MAX_VALUE, 0, 0, 1), "training m.yaml");
        assertThat(MemoryBudget.UNCHECKED.problem(THREE_GIB, "x")).isNull();
    }

    @Test
    void should_compare_with_the_available_memory_by_default() {
        MemoryEstimate exabytes = new MemoryEstimate(1L << 60, 0, 0, 1);

        assertThat(MemoryBudget.AVAILABLE.problem(exabytes, "training m.yaml"))
                .startsWith("training m.yaml needs about 1.0 EiB (variables 1.0 EiB,")
                .endsWith(" of memory available");
        assertThat(MemoryBudget.AVAILABLE.problem(new MemoryEstimate(1024, 0, 0, 1), "x")).isNull();
    }
}
