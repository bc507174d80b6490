package io.dlkit.cli.pipeline;

import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.cli.steps.CoreStepProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared fixtures: the step registry tests validate against and helpers to write pipelines. */
final class Pipelines {
    /**
     * {@code test/pass}: takes any {@code in}, gives {@code out}; params n (int), label (string).
     */
    static FakeStep pass() {
        return new FakeStep(
                "test/pass",
                List.of(
                        ParamSpec.optional("n", ParamType.INT, 1, "a number"),
                        ParamSpec.optional("label", ParamType.STRING, "x", "a label"),
                        ParamSpec.optional("ratio", ParamType.FLOAT, 0.5, "a ratio"),
                        ParamSpec.optional("flag", ParamType.BOOL, false, "a flag"),
                        ParamSpec.optional("file", ParamType.PATH, null, "a file"),
                        ParamSpec.optional("sizes", ParamType.LIST, null, "a list"),
                        ParamSpec.optional("files", ParamType.PATHS, null, "files")),
                List.of(
                        Port.optional("in", ArtifactType.ANY, "anything"),
                        Port.optional("more", ArtifactType.ANY, "anything")),
                List.of(Port.of("out", ArtifactType.JSON, "a value")));
    }

    private Pipelines() {}

    /** The core image steps plus {@code test/pass}. */
    static StepRegistry registry(StepType... extra) {
        List<StepType> types = new ArrayList<>(new CoreStepProvider().stepTypes());
        types.addAll(List.of(extra));
        return new StepRegistry(types);
    }

    static StepRegistry registry() {
        return registry(pass());
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root (the tests run in cli/). */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("pipelines")) ? here : here.getParent();
    }

    /**
     * A test resource pipeline, named as a user would name it relative to the working directory.
     */
    static Path resource(String name) {
        return Path.of("src/test/resources/io/dlkit/cli/pipeline", name);
    }
}
