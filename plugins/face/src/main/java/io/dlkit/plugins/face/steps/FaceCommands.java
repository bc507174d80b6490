package io.dlkit.plugins.face.steps;

import io.dlkit.api.DlkitException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Drives a face command from a step: the step's parameters become the command's options, parsed by
 * the command's own picocli declarations (so defaults, checks and messages are the command's).
 */
final class FaceCommands {
    private final String step;
    private final List<String> args = new ArrayList<>();

    FaceCommands(String step) {
        this.step = step;
    }

    /** Adds {@code --option value}. */
    FaceCommands option(String option, Object value) {
        if (value != null) {
            args.add(option);
            args.add(String.valueOf(value));
        }
        return this;
    }

    /** Adds {@code --flag} when {@code on}. */
    FaceCommands flag(String flag, boolean on) {
        if (on) args.add(flag);
        return this;
    }

    /** The command with its options set from the arguments; refuses what the command refuses. */
    <T> T parse(T command) {
        try {
            new CommandLine(command).parseArgs(args.toArray(String[]::new));
            return command;
        } catch (CommandLine.ParameterException e) {
            throw DlkitException.invalidInput(step + ": " + e.getMessage());
        }
    }
}
