package io.dlkit.plugins.rnn.seq2seq;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlkit rnn dates [--n 1000]}: prints human-written dates and their ISO form as TSV. */
@Command(
        name = "dates",
        mixinStandardHelpOptions = true,
        description = "Print N generated pairs 'human date<TAB>ISO date' (seeded by --seed).")
public final class DatesCommand implements Callable<Integer> {
    @Option(names = "--n", defaultValue = "1000", description = "Pairs (1000).")
    int n;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public DatesCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (n < 1 || n > 10_000_000)
            throw DlkitException.invalidInput("--n must be in [1, 10000000], got " + n);
        for (String[] p : HumanDates.pairs(n, ctx.settings().seed()))
            ctx.out().println(p[0] + "\t" + p[1]);
        ctx.out().flush();
        return 0;
    }
}
