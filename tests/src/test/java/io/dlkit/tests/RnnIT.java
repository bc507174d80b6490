package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A character LSTM trained on Pokémon names by {@code dlkit rnn train-chars} (which runs the core
 * {@code dlkit train} with the plugin's layers and sequence objective), then sampled.
 */
class RnnIT {
    @Test
    void should_learn_pokemon_names_well_below_the_unigram_loss_and_sample_names(@TempDir Path tmp)
            throws IOException {
        // given
        Path names = SharedData.require("data/text/names/pokemon.txt");
        String text = "\n" + Files.readString(names);
        // when
        DlkitProcess.Result train =
                DlkitProcess.runIn(
                        tmp,
                        Map.of(),
                        "-q",
                        "rnn",
                        "train-chars",
                        "--text",
                        names.toString(),
                        "--seq",
                        "16",
                        "--embedding",
                        "16",
                        "--hidden",
                        "64",
                        "--out",
                        "names",
                        "--epochs",
                        "10",
                        "--batch-size",
                        "32",
                        "--lr",
                        "0.01");
        // then
        assertThat(train.exitCode()).as(train.toString()).isZero();
        double loss = value(train.out(), "loss");
        double vocab = text.codePoints().distinct().count();
        double unigram = unigramEntropy(text); // 3.31 nats: predicting from frequencies alone
        System.out.printf(
                "rnn: train loss %.4f nats, ln(vocab %d) %.4f, unigram %.4f%n",
                loss, (int) vocab, Math.log(vocab), unigram);
        assertThat(loss).isLessThan(Math.log(vocab) - 1.2).isLessThan(unigram - 0.5);

        // when
        DlkitProcess.Result sample =
                DlkitProcess.runIn(
                        tmp,
                        Map.of(),
                        "-q",
                        "--seed",
                        "3",
                        "rnn",
                        "sample",
                        "names",
                        "--length",
                        "300",
                        "--temperature",
                        "0.8");
        // then
        assertThat(sample.exitCode()).as(sample.toString()).isZero();
        List<String> lines =
                Arrays.stream(sample.out().split("\n")).filter(l -> !l.isBlank()).toList();
        List<String> whole = lines.subList(0, lines.size() - 1); // the last may be cut short
        Set<String> known = new HashSet<>(Arrays.asList(text.split("\n")));
        long novel = whole.stream().filter(n -> !known.contains(n)).count();
        System.out.println("rnn: sampled " + whole + ", " + novel + " not in the training list");
        assertThat(whole).hasSizeGreaterThanOrEqualTo(10);
        // names start with a capital and are mostly letters, as the training names do
        assertThat(whole.stream().filter(n -> n.matches("\\p{Lu}[\\p{L}'. -]{2,14}")).count())
                .isGreaterThanOrEqualTo(whole.size() * 8 / 10);

        // when: scored on the training text, the model's loss is close to its training loss
        DlkitProcess.Result eval =
                DlkitProcess.runIn(
                        tmp, Map.of(), "-q", "rnn", "eval", "names", "--text", names.toString());
        // then
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        double evalLoss = value(eval.out(), "loss");
        System.out.println("rnn: eval " + eval.out().replace('\n', ' '));
        assertThat(evalLoss).isBetween(loss - 0.3, loss + 0.3);
        assertThat(value(eval.out(), "bits_per_char"))
                .isCloseTo(evalLoss / Math.log(2), org.assertj.core.api.Assertions.within(1e-3));
        assertThat(value(eval.out(), "characters")).isEqualTo(text.length() - 1);
    }

    @Test
    void should_refuse_a_missing_text_file_in_one_line(@TempDir Path tmp) {
        DlkitProcess.Result r =
                DlkitProcess.runIn(tmp, Map.of(), "rnn", "train-chars", "--text", "nope.txt");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).endsWith("error: nope.txt: no such file\n");
    }

    private static double value(String out, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + ": ([0-9.]+)$").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static double unigramEntropy(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        text.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double n = text.codePoints().count(), h = 0;
        for (int c : counts.values()) h -= c / n * Math.log(c / n);
        return h;
    }
}
