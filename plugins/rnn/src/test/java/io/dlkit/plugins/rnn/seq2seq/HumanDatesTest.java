package io.dlkit.plugins.rnn.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated dates task: the issue's examples, one ISO date per written form, seeded. */
class HumanDatesTest {
    private static final LocalDate MAY_3_1979 = LocalDate.of(1979, 5, 3);

    @Test
    void should_write_the_issues_examples() {
        assertThat(HumanDates.format(MAY_3_1979, 0)).isEqualTo("3 May 1979");
        assertThat(HumanDates.format(MAY_3_1979, 1)).isEqualTo("05/03/79");
        assertThat(HumanDates.format(MAY_3_1979, 2)).isEqualTo("Thursday, May 3rd 1979");
        assertThat(HumanDates.format(LocalDate.of(2011, 11, 11), 9))
                .isEqualTo("the 11th of November 2011");
    }

    @Test
    void should_give_each_written_form_a_single_date() {
        // two-digit years stand for 1950-2049 only, so no written form is ambiguous: the years
        // that share two digits would collide first (and US month/day with day.month)
        Set<String> seen = new HashSet<>();
        for (LocalDate d = LocalDate.of(1950, 1, 1); d.getYear() < 2050; d = d.plusDays(1)) {
            if (d.getYear() % 50 > 1 && d.getYear() % 50 < 48) d = d.withYear(d.getYear() + 45);
            for (int f = 0; f < HumanDates.FORMATS; f++) {
                assertThat(seen.add(HumanDates.format(d, f))).as(HumanDates.format(d, f)).isTrue();
            }
        }
    }

    @Test
    void should_draw_the_same_pairs_for_the_same_seed() {
        List<String[]> a = HumanDates.pairs(50, 3);
        List<String[]> b = HumanDates.pairs(50, 3);
        for (int i = 0; i < 50; i++) {
            assertThat(a.get(i)).containsExactly(b.get(i));
            assertThat(LocalDate.parse(a.get(i)[1]).getYear()).isBetween(1950, 2049);
        }
    }
}
