package io.dlkit.plugins.cnnzoo.command;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.command.DelegatingTrainCommand;
import io.dlkit.plugins.cnnzoo.ZooArchitectures;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dlkit zoo train NAME [--input HxWxC] [--classes N] <dlkit train options>}: writes the
 * architecture's model file to a temporary {@code NAME.yaml} and runs {@code dlkit train --model
 * FILE} with every other argument as given, so the model directory defaults to {@code runs/NAME}.
 * Options {@code zoo train} does not know ({@code --data}, {@code --epochs}, ...) pass through in
 * their order.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train an architecture: 'dlkit train' on its model file; other options go to train.",
            "e.g. dlkit zoo train lenet5 --data mnist/ --epochs 2"
        })
public final class ZooTrainCommand extends DelegatingTrainCommand {
    @Mixin SpecOptions spec;

    /** dlkit injects the command context. */
    @Inject
    public ZooTrainCommand(CommandContext ctx) {
        super(ctx, "--data, --epochs, --out, ...", "1..*");
    }

    @Override
    public Integer call() {
        if (trainArgs().stream().anyMatch(a -> a.equals("--model") || a.startsWith("--model="))) {
            throw DlkitException.invalidInput(
                    "zoo train: --model is set by zoo train itself; use 'dlkit train --model FILE'"
                            + " for a model file");
        }
        String text = ZooFormats.yaml(spec.config(new ZooArchitectures(), true));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dlkit-zoo-");
            Path file =
                    Files.writeString(
                            dir.resolve(spec.name().toLowerCase(Locale.ROOT) + ".yaml"), text);
            List<String> args = new ArrayList<>(List.of("train", "--model", file.toString()));
            args.addAll(trainArgs());
            return ctx.runCommand(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED, "zoo train: cannot write the temporary model file: " + e, e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a left-over file in the temp directory is harmless
        }
    }
}
