package io.dlkit.plugins.embeddings.debias;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.command.CommandIo;
import io.dlkit.plugins.embeddings.command.VectorsOption;
import io.dlkit.plugins.embeddings.format.VectorFiles;
import io.dlkit.plugins.embeddings.format.VectorFormat;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dlkit embed debias --vectors V --neutralize WORDS --equalize PAIRS [--axis woman-man,...]
 * --out V2}: writes debiased vectors and prints each word's projection on the axis before and
 * after. WORDS is a comma list or a file of words; PAIRS a comma list of {@code a-b} or a file of
 * {@code a b} lines.
 */
@Command(
        name = "debias",
        mixinStandardHelpOptions = true,
        description = {
            "Neutralize and equalize words along a bias axis (Bolukbasi et al., 2016).",
            "e.g. dlkit embed debias --vectors v.bin --neutralize doctor,nurse --equalize"
                    + " actor-actress --axis woman-man,she-he --out debiased.bin"
        })
public final class DebiasCommand implements Callable<Integer> {
    @Mixin VectorsOption vectors;

    @Option(
            names = "--neutralize",
            paramLabel = "WORDS",
            description = "Words to neutralize: w1,w2,... or a file.")
    String neutralize;

    @Option(
            names = "--equalize",
            paramLabel = "PAIRS",
            description = "Pairs to equalize: a-b,c-d,... or a file of 'a b' lines.")
    String equalize;

    @Option(
            names = "--axis",
            defaultValue = "woman-man",
            paramLabel = "PAIRS",
            description =
                    "Pairs a-b whose mean difference e_a - e_b is the bias axis (default: ${DEFAULT-VALUE}).")
    String axis;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The debiased vectors.")
    Path out;

    @Option(
            names = "--to",
            paramLabel = "FORMAT",
            description = "Output format (default: from --out).")
    String to;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public DebiasCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path target = CommandIo.resolve(ctx, out);
        VectorFormat format = VectorFiles.forOutput(target, to);
        ctx.writer().checkWritable(target);
        List<String> neutral = neutralize == null ? List.of() : words(neutralize);
        List<String[]> pairs = equalize == null ? List.of() : pairs(equalize, "--equalize");
        if (neutral.isEmpty() && pairs.isEmpty()) {
            throw DlkitException.invalidInput(
                    "embed debias: give --neutralize WORDS, --equalize PAIRS or both");
        }
        Debiasing.Result r =
                Debiasing.apply(vectors.read(ctx), pairs(axis, "--axis"), neutral, pairs);
        Path written = CommandIo.writeVectors(ctx, r.vectors(), target, format);
        print(r, written);
        return 0;
    }

    private void print(Debiasing.Result r, Path written) {
        if (ctx.settings().json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Debiasing.Change c : r.changes()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("word", c.word());
                m.put("action", c.action());
                m.put("projection_before", c.before());
                m.put("projection_after", c.after());
                rows.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("axis", axis);
            doc.put("words", rows);
            doc.put("out", written.toString());
            CommandIo.printJson(ctx, doc);
            return;
        }
        ctx.out().printf("%-20s %-11s %12s %12s%n", "WORD", "ACTION", "PROJ BEFORE", "PROJ AFTER");
        for (Debiasing.Change c : r.changes()) {
            ctx.out()
                    .printf(
                            Locale.ROOT,
                            "%-20s %-11s %12.6f %12.6f%n",
                            c.word(),
                            c.action(),
                            c.before(),
                            c.after());
        }
        ctx.out().println("wrote " + written);
        ctx.out().flush();
    }

    private List<String> words(String spec) {
        Path file = CommandIo.resolve(ctx, Path.of(spec));
        String text = Files.isRegularFile(file) ? read(file) : spec.replace(',', ' ');
        String t = text.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    private List<String[]> pairs(String spec, String option) {
        Path file = CommandIo.resolve(ctx, Path.of(spec));
        List<String[]> pairs = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : read(file).split("\n")) {
                if (!line.isBlank()) {
                    pairs.add(pair(line.strip().split("\\s+"), line, option));
                }
            }
            return pairs;
        }
        for (String item : spec.split(",")) {
            pairs.add(pair(item.strip().split("-"), item, option));
        }
        return pairs;
    }

    private static String[] pair(String[] parts, String text, String option) {
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw DlkitException.invalidInput(
                    option
                            + ": '"
                            + text.strip()
                            + "' is not a pair; write a-b (comma separated) or 'a b' lines in a file");
        }
        return parts;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DlkitException.invalidInput(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
