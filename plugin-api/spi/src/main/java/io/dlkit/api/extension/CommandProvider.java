package io.dlkit.api.extension;

import org.pf4j.ExtensionPoint;

/**
 * Contributes a top-level command to {@code dlkit}. Annotate the implementing class with
 * {@code @org.pf4j.Extension} and return a picocli command object (a class annotated with {@code
 * picocli.CommandLine.Command} that implements {@code Callable<Integer>}, often the provider
 * itself). The command appears under {@code dlkit --help}; global options (device, seed, format)
 * are read from the injected {@link io.dlkit.api.RunSettings}.
 *
 * <p>Collaborators ({@link io.dlkit.api.RunSettings}, {@link io.dlkit.api.output.OutputWriter}, the
 * step registry) are injected through a {@code jakarta.inject.Inject} constructor.
 */
public interface CommandProvider extends ExtensionPoint {
    /** Returns the picocli command object; called once per process. */
    Object command();
}
