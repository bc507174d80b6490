package io.dlkit.plugins.cnnzoo.keras;

import io.dlkit.api.RunSettings;
import io.dlkit.testkit.FakeCommandContext;
import io.dlkit.testkit.FakeModelStore;
import java.nio.file.Path;

/**
 * Runs {@code dlkit import-keras ...} in memory as the host would, with the testkit's command
 * context (output captured), model store (recording what it is asked to create) and harness.
 */
final class CommandHarness {
    private final FakeCommandContext ctx;
    private final FakeModelStore store = new FakeModelStore();

    CommandHarness(Path workDir) {
        this.ctx =
                new FakeCommandContext(
                        new RunSettings("cpu", 1, 42, "text", false, false, false, workDir));
    }

    int execute(String... args) {
        return io.dlkit.testkit.CommandHarness.run(ctx, new KerasImportCommand(ctx, store), args);
    }

    /** What the command was asked to create last. */
    FakeModelStore.Created created() {
        return store.created().get(store.created().size() - 1);
    }

    /** How many models the command created. */
    int createdCount() {
        return store.created().size();
    }

    String out() {
        return ctx.stdout();
    }

    String err() {
        return ctx.stderr();
    }
}
