package io.dlkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code dlkit [global options] <command> ...}. */
@Command(
        name = "dlkit",
        mixinStandardHelpOptions = true,
        versionProvider = DlkitCommand.VersionProvider.class,
        description = {
            "The classic deep-learning canon from the terminal: dense and convolutional networks,"
                    + " detection, faces, style transfer, recurrent networks, word embeddings.",
            ""
        },
        subcommandsRepeatable = false,
        footer = {
            "",
            "Exit codes: 0 ok, 1 the work failed, 2 bad usage or input, 3 plugin error,"
                    + " 4 backend or device unavailable.",
            "Run 'dlkit <command> --help' for a command's options."
        })
final class DlkitCommand implements Callable<Integer> {
    @Mixin final GlobalOptions global;

    @Spec CommandSpec spec;

    DlkitCommand(GlobalOptions global) {
        this.global = global;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Prints dlkit's and TensorFlow Java's versions without loading native code. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "dlkit " + Version.dlkit(),
                "TensorFlow Java "
                        + Version.tensorflowJava()
                        + " ("
                        + Version.nativeClassifier()
                        + ")",
                "Java "
                        + System.getProperty("java.version")
                        + " ("
                        + System.getProperty("java.vendor")
                        + ")"
            };
        }
    }
}
