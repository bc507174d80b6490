package io.dlkit.plugins.cnnzoo.classify;

import io.dlkit.api.RunSettings;
import io.dlkit.testkit.CommandHarness;
import io.dlkit.testkit.FakeCommandContext;
import io.dlkit.testkit.FakeModelStore;
import java.nio.file.Path;

/**
 * What dlkit gives {@code classify}, in memory: the testkit's command context (captured output) and
 * command harness (picocli set up as the host does).
 */
final class TestContext {
    private final FakeCommandContext ctx;

    TestContext(String format) {
        this.ctx =
                new FakeCommandContext(
                        new RunSettings("cpu", 1, 42, format, true, false, false, Path.of("")));
    }

    /** Runs {@code dlkit classify <args>} with {@code store}. */
    int classify(FakeModelStore store, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "classify";
        System.arraycopy(args, 0, all, 1, args.length);
        return CommandHarness.run(ctx, new ClassifyCommand(ctx, store).command(), all);
    }

    /** What was printed to stdout. */
    String out() {
        return ctx.stdout();
    }

    /** What was printed to stderr. */
    String err() {
        return ctx.stderr();
    }
}
