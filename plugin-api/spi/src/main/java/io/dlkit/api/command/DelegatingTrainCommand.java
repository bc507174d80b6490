package io.dlkit.api.command;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.CommandContext;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Spec;

/**
 * The base of a plugin command that prepares a model file and data and then runs {@code dlkit
 * train} through {@link CommandContext#runCommand}: every argument the command does not know itself
 * is kept, in order, for train ({@code dlkit rnn train --text t.txt --lr 0.01 --plot} passes {@code
 * --lr 0.01 --plot} on), shown in the help as {@code [TRAIN_OPTION...]}. A subclass is an ordinary
 * {@code @Command} with its own options, an {@code @Inject} constructor passing the context here,
 * and a {@code call()} that reads {@link #trainArgs()}.
 */
public abstract class DelegatingTrainCommand implements Callable<Integer> {
    /** The context dlkit injected: settings, streams, writer, {@code runCommand}. */
    protected final CommandContext ctx;

    private final String trainOptionsHelp;
    private final String index;
    private PositionalParamSpec trainOptions;

    /**
     * A command whose help line for train's options reads {@code Options of 'dlkit train' (--lr,
     * --batch-size, ...).}
     */
    protected DelegatingTrainCommand(CommandContext ctx) {
        this(ctx, "--lr, --batch-size, ...", null);
    }

    /**
     * A command whose help line for train's options reads {@code Options of 'dlkit train'
     * (<trainOptionsHelp>).}, its positional index {@code index} ({@code "1..*"} after one
     * positional parameter of the command's own; null when train's options are its only ones).
     */
    protected DelegatingTrainCommand(CommandContext ctx, String trainOptionsHelp, String index) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.trainOptionsHelp = requireNonNull(trainOptionsHelp, "trainOptionsHelp is null");
        this.index = index;
    }

    /** The arguments for {@code dlkit train}, in the order given (empty when none). */
    protected List<String> trainArgs() {
        List<String> args = trainOptions == null ? null : trainOptions.getValue();
        return args == null ? List.of() : args;
    }

    /** Unknown options are train's: picocli keeps them, in order, among the positional ones. */
    @Spec
    void addTrainOptions(CommandSpec self) {
        self.parser().unmatchedOptionsArePositionalParams(true);
        PositionalParamSpec.Builder b =
                PositionalParamSpec.builder()
                        .paramLabel("TRAIN_OPTION")
                        .arity("0..1") // as picocli gives an annotated list: [TRAIN_OPTION...]
                        .type(List.class)
                        .auxiliaryTypes(String.class)
                        .description("Options of 'dlkit train' (" + trainOptionsHelp + ").");
        if (index != null) b.index(index);
        trainOptions = b.build();
        self.addPositional(trainOptions);
    }
}
