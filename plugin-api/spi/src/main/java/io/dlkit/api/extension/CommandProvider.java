package io.dlkit.api.extension;

import org.pf4j.ExtensionPoint;

/**
 * Contributes a top-level command to {@code dlkit}. Annotate the implementing class with
 * {@code @org.pf4j.Extension} and return a picocli command object (a class annotated with {@code
 * picocli.CommandLine.Command} that implements {@code Callable<Integer>}, often the provider
 * itself). The command appears under {@code dlkit --help}; global options (device, seed, format)
 * are read from the injected {@link io.dlkit.api.RunSettings}.
 *
 * <p>The provider is created by dlkit with dependency injection: give it a public constructor
 * annotated with {@code jakarta.inject.Inject} to receive the host's collaborators, which are the
 * SPI types {@link io.dlkit.api.CommandContext} (settings, stdout/stderr, output writer, graphs),
 * {@link io.dlkit.api.output.OutputWriter} and {@link io.dlkit.api.model.ModelStore}; or a public
 * no-argument constructor. The command's subcommands may have injected constructors too (picocli
 * creates them through the same factory). Run another dlkit command with {@link
 * io.dlkit.api.CommandContext#runCommand}.
 */
public interface CommandProvider extends ExtensionPoint {
    /** Returns the picocli command object; called once per process. */
    Object command();
}
