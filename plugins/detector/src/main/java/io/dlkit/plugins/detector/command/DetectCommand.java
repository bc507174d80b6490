package io.dlkit.plugins.detector.command;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.plugins.detector.anchors.AnchorsCommand;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/**
 * Contributes {@code dlkit detect}: today the {@code anchors} subcommand. The subcommands are
 * created by dlkit's factory, which injects their {@link io.dlkit.api.CommandContext}.
 */
@Extension
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = "Object detection: YOLO anchors (more to come: detect, train, eval).",
        subcommands = {AnchorsCommand.class})
public final class DetectCommand implements CommandProvider, Callable<Integer> {
    /** PF4J creates it. */
    public DetectCommand() {}

    @Override
    public Object command() {
        return this;
    }

    /** {@code dlkit detect} alone: a usage error naming the subcommands. */
    @Override
    public Integer call() {
        throw DlkitException.invalidInput(
                "detect: missing subcommand; use 'dlkit detect anchors --labels DIR --k 5'");
    }
}
