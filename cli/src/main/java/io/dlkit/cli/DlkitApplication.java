package io.dlkit.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.cli.addon.AddOn;
import io.dlkit.cli.addon.AddOns;
import io.dlkit.cli.command.CoreCommands;
import io.dlkit.cli.plugin.PluginHost;
import io.dlkit.cli.wiring.CoreModule;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginWrapper;
import picocli.CommandLine;

/**
 * One dlkit invocation: finds and starts plugins (no native code), wires the injector, builds the
 * picocli command tree from core and plugin commands, runs it and maps errors to exit codes.
 */
public final class DlkitApplication {
    private DlkitApplication() {}

    /** Runs dlkit with {@code args}; returns the exit code. */
    public static int run(
            String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        boolean stackTraces = hasFlag(args, "-x", "--stacktrace");
        ErrorHandler errors = new ErrorHandler(stackTraces);
        try {
            Logging.configure(hasFlag(args, "-v", "--verbose"));
            GlobalOptions global = new GlobalOptions();
            Injector injector = wire(pluginRoots(args, env), global, out, err);
            PluginHost host = injector.getInstance(PluginHost.class);
            CliCommandContext context =
                    (CliCommandContext) injector.getInstance(CommandContext.class);
            CommandLine cmd = commandLine(injector, host, global, out, err, errors);
            context.root(cmd);
            return cmd.execute(args);
        } catch (RuntimeException | Error e) {
            // The last resort: nothing escapes as a stack trace (OutOfMemoryError included).
            return errors.report(e, err);
        }
    }

    /**
     * Starts dlkit inside another program (a Spark executor, an embedding application): the plugins
     * under {@code pluginRoots} started and wired as for a command, with the default global options
     * (quiet). Returns the injector ({@code BatchTasks}, {@code PretrainedModels}, ...).
     */
    public static Injector embedded(List<Path> pluginRoots, PrintWriter out, PrintWriter err) {
        Logging.configure(false);
        GlobalOptions global = new GlobalOptions();
        new CommandLine(global).parseArgs("--quiet"); // the options' defaults, no headers
        return wire(pluginRoots, global, out, err);
    }

    private static Injector wire(
            List<Path> roots, GlobalOptions global, PrintWriter out, PrintWriter err) {
        PluginHost host = new PluginHost(roots, Version.dlkit());
        host.loadAndStart();
        io.dlkit.cli.plugin.PluginVocabulary.use(host);
        io.dlkit.cli.models.ModelCatalog.usePluginLoaders(host::startedPluginLoaders);
        CliCommandContext context = new CliCommandContext(global, out, err);
        Injector injector = Guice.createInjector(new CoreModule(host, context));
        host.useInjector(() -> injector);
        return injector;
    }

    private static CommandLine commandLine(
            Injector injector,
            PluginHost host,
            GlobalOptions global,
            PrintWriter out,
            PrintWriter err,
            ErrorHandler errors) {
        CommandLine cmd = new CommandLine(new DlkitCommand(global), new InjectingFactory(injector));
        for (Class<?> c : CoreCommands.ALL) {
            cmd.addSubcommand(injector.getInstance(c));
        }
        for (AddOn addOn : AddOns.all()) {
            for (Class<?> c : addOn.commands()) cmd.addSubcommand(injector.getInstance(c));
        }
        addPluginCommands(cmd, host, err);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setAbbreviatedOptionsAllowed(false);
        return cmd;
    }

    private static void addPluginCommands(CommandLine cmd, PluginHost host, PrintWriter err) {
        for (PluginWrapper w : new ArrayList<>(host.getStartedPlugins())) {
            try {
                for (CommandProvider p :
                        host.getExtensions(CommandProvider.class, w.getPluginId())) {
                    Object command = p.command();
                    // The root's factory: subcommands with @Inject constructors (zoo's) need it.
                    String name = new CommandLine(command, cmd.getFactory()).getCommandName();
                    if (cmd.getSubcommands().containsKey(name)) {
                        throw new IllegalStateException(
                                "its command '"
                                        + name
                                        + "' is already taken (by dlkit or another plugin); rename it");
                    }
                    cmd.addSubcommand(command);
                }
            } catch (RuntimeException | LinkageError e) {
                host.markFailed(w, e);
            }
        }
    }

    static List<Path> pluginRoots(String[] args, Map<String, String> env) {
        List<Path> roots = new ArrayList<>();
        String home = System.getProperty("dlkit.home");
        if (home != null) roots.add(Path.of(home, "plugins"));
        String fromEnv = env.get("DLKIT_PLUGINS");
        if (fromEnv != null) {
            for (String p : fromEnv.split(java.io.File.pathSeparator)) {
                if (p.isBlank()) continue;
                if (!Files.isDirectory(Path.of(p))) {
                    throw DlkitException.invalidInput(
                            "DLKIT_PLUGINS "
                                    + p
                                    + ": no such directory; give a folder of plugin jars"
                                    + " (several separated by '"
                                    + java.io.File.pathSeparator
                                    + "')");
                }
                roots.add(Path.of(p));
            }
        }
        for (int i = 0; i < args.length; i++) {
            String dir = null;
            if (args[i].equals("--plugins-dir") && i + 1 < args.length) dir = args[i + 1];
            else if (args[i].startsWith("--plugins-dir=")) dir = args[i].substring(14);
            if (dir != null && !Files.isDirectory(Path.of(dir))) {
                throw DlkitException.invalidInput(
                        "--plugins-dir "
                                + dir
                                + ": no such directory; give a folder of plugin jars");
            }
            if (dir != null) roots.add(Path.of(dir));
        }
        return roots.stream().filter(Files::isDirectory).distinct().toList();
    }

    private static boolean hasFlag(String[] args, String shortName, String longName) {
        for (String a : args) {
            if (a.equals(shortName) || a.equals(longName)) return true;
            if (a.equals("--")) break;
        }
        return false;
    }
}
