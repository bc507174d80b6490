package io.dlkit.plugins.cnnzoo.command;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import io.dlkit.plugins.cnnzoo.InputShapes;
import io.dlkit.plugins.cnnzoo.ZooArchitectures;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The architecture name and the options that shape it, shared by summary, export and train. */
public final class SpecOptions {
    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "Architecture, see 'dlkit zoo list'.")
    String name;

    @Option(
            names = "--input",
            paramLabel = "HxWxC",
            description = "Input height x width x channels (default: the architecture's own).")
    String input;

    @Option(
            names = "--classes",
            paramLabel = "N",
            description = "Classes of the softmax top (default: the architecture's own).")
    Integer classes;

    /** The architecture name as given. */
    public String name() {
        return name;
    }

    /**
     * The model file's content for these options.
     *
     * @throws DlkitException (exit code 2) for an unknown name, bad {@code --input} syntax or a
     *     spec the architecture rejects
     */
    public Map<String, Object> config(ZooArchitectures zoo, boolean includeTop) {
        try {
            ArchitectureSpec defaults = zoo.defaultSpec(name);
            long[] shape = input == null ? defaults.inputShape() : InputShapes.parse(input);
            int n = classes == null ? defaults.classes() : classes;
            return zoo.config(name, new ArchitectureSpec(shape, n, includeTop));
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }
}
