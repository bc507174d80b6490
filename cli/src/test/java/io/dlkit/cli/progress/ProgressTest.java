package io.dlkit.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBarStyle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final long MS = 1_000_000L;

    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text);
    private final AtomicLong clock = new AtomicLong();

    private void at(long millis) {
        clock.set(millis * MS);
    }

    @Test
    void should_print_a_line_every_n_steps_and_at_the_end_of_each_epoch() {
        // given: 2 epochs of 3 steps (batches of 100, 100, 50), a line every 2 steps
        try (Progress p = Progress.lines(err, 2, clock::get)) {
            // when
            at(0);
            p.startEpoch(1, 2, 3);
            at(500);
            p.step(100, 0.8, 0.5);
            at(1000);
            p.step(100, 0.6, 0.7);
            at(1250);
            p.step(50, 0.4, 1.0);
            p.endEpoch(0.5, 0.75);
            p.startEpoch(2, 2, 3);
            at(2250);
            p.step(100, 0.3, Double.NaN);
            at(2750);
            p.step(100, 0.2, Double.NaN);
            at(3000);
            p.step(50, 0.1, Double.NaN);
            p.endEpoch();
        }

        // then: loss and acc are the epoch's running means weighted by batch size, e.g. step 2:
        // (0.8*100 + 0.6*100) / 200 = 0.7; rate = samples so far / seconds so far (200 / 1.0);
        // eta = steps left in the run * seconds per step so far (4 * 0.5 s = 2 s)
        assertThat(text.toString().lines())
                .containsExactly(
                        "epoch 1/2 step 2/3 loss 0.7000 acc 0.6000 200 samples/s eta 0:02",
                        // (80+60+20)/250; (50+70+50)/250; 250/1.25; 3 left * 1.25/3 s
                        "epoch 1/2 step 3/3 loss 0.6400 acc 0.6800 200 samples/s eta 0:01",
                        "epoch 1/2 val_loss 0.5000 val_acc 0.7500",
                        // (30+20)/200; 450/2.75 = 163.6; 1 left * 2.75/5 s = 0.55 s
                        "epoch 2/2 step 2/3 loss 0.2500 164 samples/s eta 0:01",
                        // (30+20+5)/250; 500/3 = 166.7; nothing left
                        "epoch 2/2 step 3/3 loss 0.2200 167 samples/s eta 0:00");
    }

    @Test
    void should_print_only_the_last_step_of_each_epoch_when_n_is_zero() {
        try (Progress p = Progress.lines(err, 0, clock::get)) {
            p.startEpoch(1, 1, 3);
            for (int i = 1; i <= 3; i++) {
                at(1000L * i);
                p.step(10, 1.0, 0.5);
            }
        }

        // 30 samples in 3 s; no step left
        assertThat(text.toString())
                .isEqualTo(
                        "epoch 1/1 step 3/3 loss 1.0000 acc 0.5000 10 samples/s eta 0:00"
                                + System.lineSeparator());
    }

    @Test
    void should_show_an_objectives_extra_metrics_at_the_end_of_an_epoch() {
        try (Progress p = Progress.lines(err, 0, clock::get)) {
            at(0);
            p.startEpoch(1, 1, 1);
            at(1000);
            p.step(10, 0.5, Double.NaN);
            p.endEpoch(0.25, Double.NaN, java.util.Map.of("bce", 0.546));
        }
        assertThat(text.toString().lines())
                .containsExactly(
                        "epoch 1/1 step 1/1 loss 0.5000 10 samples/s eta 0:00",
                        "epoch 1/1 val_loss 0.2500 bce 0.5460");
    }

    @Test
    void should_format_durations_as_minutes_or_hours() {
        assertThat(Meter.duration(41)).isEqualTo("0:41");
        assertThat(Meter.duration(725)).isEqualTo("12:05");
        assertThat(Meter.duration(3723)).isEqualTo("1:02:03");
    }

    @Test
    void should_print_nothing_when_quiet() {
        try (Progress p = Progress.create(err, true, 1)) {
            p.startEpoch(1, 1, 2);
            p.step(10, 0.5, 0.5);
            p.step(10, 0.5, 0.5);
            p.endEpoch(0.1, 0.2);
        }

        assertThat(text.toString()).isEmpty();
    }

    @Test
    void should_print_lines_when_not_on_a_terminal() {
        Assumptions.assumeTrue(System.console() == null, "runs on a terminal: skipping");

        try (Progress p = Progress.create(err, false, 1)) {
            p.startEpoch(1, 1, 1);
            p.step(10, 0.25, 0.5);
        }

        assertThat(text.toString()).startsWith("epoch 1/1 step 1/1 loss 0.2500 acc 0.5000 ");
    }

    @Test
    void should_draw_a_bar_on_the_given_writer_and_nothing_on_stdout() {
        // given
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            // when
            try (Progress p = Progress.bar(err, 160, ProgressBarStyle.ASCII)) {
                p.startEpoch(1, 2, 2);
                p.step(10, 0.5, 0.25);
                p.step(10, 0.5, 0.25);
                p.endEpoch(0.125, Double.NaN);
            }
        } finally {
            System.setOut(original);
        }

        // then: the finished line keeps the epoch's figures and the validation ones
        String drawn = text.toString();
        String last = drawn.substring(drawn.lastIndexOf('\r') + 1);
        assertThat(last.stripTrailing())
                .isEqualTo(
                        "epoch 1/2 100% ["
                                + "=".repeat(40)
                                + "] 2/2 loss 0.5000 acc 0.2500"
                                + " val_loss 0.1250");
        assertThat(drawn).endsWith(System.lineSeparator());
        assertThat(stdout.size()).isZero();
    }

    @Test
    void should_fit_bar_and_figures_to_the_width() {
        // given: an 80-column terminal, 1 of 4 steps done after 1 s
        try (Progress p = new BarProgress(err, 80, ProgressBarStyle.ASCII, clock::get)) {
            at(0);
            p.startEpoch(1, 1, 4);
            at(1000);
            p.step(10, 0.5, 0.25);
        }

        // then: 15 + 16 + 1 + 48 = 80 characters; the bar gets the 14 left, 3.5 of them filled
        String drawn = text.toString();
        String last = drawn.substring(drawn.lastIndexOf('\r') + 1).strip();
        assertThat(last)
                .isEqualTo(
                        "epoch 1/1  25% [===>          ] 1/4 loss 0.5000 acc 0.2500"
                                + " 10 samples/s eta 0:03")
                .hasSize(80);
    }

    @Test
    void should_draw_a_coloured_unicode_bar() {
        try (Progress p =
                new BarProgress(err, 80, ProgressBarStyle.COLORFUL_UNICODE_BLOCK, clock::get)) {
            p.startEpoch(1, 1, 2);
            p.step(10, 0.5, Double.NaN);
            p.step(10, 0.5, Double.NaN);
            p.endEpoch();
        }

        String drawn = text.toString();
        String last = drawn.substring(drawn.lastIndexOf('\r') + 1).strip();
        assertThat(last)
                .isEqualTo(
                        "epoch 1/1 100% │\u001b[33m"
                                + "█".repeat(40)
                                + "\u001b[0m│ 2/2 loss 0.5000"
                                + "\u001b[0m");
    }

    @Test
    void should_reject_an_epoch_beyond_the_last() {
        Progress p = Progress.lines(err, 1, clock::get);

        assertThatThrownBy(() -> p.startEpoch(3, 2, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "need 1 <= epoch <= epochs and steps >= 1, got epoch 3, epochs 2,"
                                + " steps 10");
    }
}
