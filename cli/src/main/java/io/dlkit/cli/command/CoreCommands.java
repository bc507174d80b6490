package io.dlkit.cli.command;

import java.util.List;

/** The commands the core contributes, in the order {@code dlkit --help} lists them. */
public final class CoreCommands {
    /** Core command classes, created by the injector. */
    public static final List<Class<?>> ALL = List.of(PluginsCommand.class, DoctorCommand.class);

    private CoreCommands() {}
}
