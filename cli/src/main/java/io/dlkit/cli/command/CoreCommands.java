package io.dlkit.cli.command;

import io.dlkit.cli.nn.BenchCommand;
import io.dlkit.cli.nn.EvalCommand;
import io.dlkit.cli.nn.ExportCommand;
import io.dlkit.cli.nn.PredictCommand;
import io.dlkit.cli.nn.SummaryCommand;
import io.dlkit.cli.nn.TrainCommand;
import io.dlkit.cli.steps.EdgesCommand;
import java.util.List;

/** The commands the core contributes, in the order {@code dlkit --help} lists them. */
public final class CoreCommands {
    /** Core command classes, created by the injector. */
    public static final List<Class<?>> ALL =
            List.of(
                    TrainCommand.class,
                    EvalCommand.class,
                    PredictCommand.class,
                    SummaryCommand.class,
                    ExportCommand.class,
                    BenchCommand.class,
                    EdgesCommand.class,
                    RunCommand.class,
                    ValidateCommand.class,
                    PluginsCommand.class,
                    DoctorCommand.class,
                    io.dlkit.cli.models.ModelsCommand.class);

    private CoreCommands() {}
}
