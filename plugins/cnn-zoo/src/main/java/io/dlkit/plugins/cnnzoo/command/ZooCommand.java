package io.dlkit.plugins.cnnzoo.command;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.plugins.cnnzoo.keras.KerasImportCommand;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/**
 * Contributes {@code dlkit zoo}: {@code list}, {@code summary}, {@code export} and {@code train}
 * over the architectures of {@link io.dlkit.plugins.cnnzoo.ZooArchitectures}. The subcommands are
 * created by dlkit's factory, which injects their {@link io.dlkit.api.CommandContext}.
 */
@Extension
@Command(
        name = "zoo",
        mixinStandardHelpOptions = true,
        description =
                "Classic CNN architectures: list them, summarise, export as model files, train.",
        subcommands = {
            ZooListCommand.class,
            ZooSummaryCommand.class,
            ZooExportCommand.class,
            ZooTrainCommand.class,
            KerasImportCommand.class
        })
public final class ZooCommand implements CommandProvider, Callable<Integer> {
    /** PF4J creates it. */
    public ZooCommand() {}

    @Override
    public Object command() {
        return this;
    }

    /** {@code dlkit zoo} alone: a usage error naming the subcommands. */
    @Override
    public Integer call() {
        throw DlkitException.invalidInput(
                "zoo: missing subcommand; use 'dlkit zoo list', 'summary NAME', 'export NAME' or"
                        + " 'train NAME'");
    }
}
