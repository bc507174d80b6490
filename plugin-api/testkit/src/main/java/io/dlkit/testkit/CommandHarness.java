package io.dlkit.testkit;

import io.dlkit.api.DlkitException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs a plugin's picocli command in memory the way dlkit does: under a root {@code dlkit} command,
 * output to the context's streams, and every error as one line {@code error: MESSAGE} on stderr
 * with its exit code ({@link DlkitException}'s, 1 otherwise).
 *
 * <pre>{@code
 * FakeCommandContext ctx = new FakeCommandContext();
 * int code = CommandHarness.run(ctx, new StatsCommand(ctx), "tensor-stats", "a.npy");
 * assertThat(ctx.stdout()).contains("mean");
 * }</pre>
 */
public final class CommandHarness {
    private CommandHarness() {}

    /**
     * Runs {@code command} with {@code args} (starting with the command's name).
     *
     * @return the exit code
     */
    public static int run(FakeCommandContext ctx, Object command, String... args) {
        @CommandLine.Command(name = "dlkit")
        class Root {}
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand(new CommandLine(command));
        PrintWriter err = ctx.err();
        root.setOut(ctx.out());
        root.setErr(err);
        root.setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    err.println("error: " + e.getMessage());
                    err.flush();
                    return e instanceof DlkitException d ? d.exitCode().code() : 1;
                });
        root.setParameterExceptionHandler(
                (e, a) -> {
                    err.println("error: " + e.getMessage());
                    err.flush();
                    return 2;
                });
        return root.execute(args);
    }
}
