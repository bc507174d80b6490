package io.dlkit.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.api.CommandContext;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class DelegatingTrainCommandTest {
    /** Parsing never touches the context. */
    private static final CommandContext UNUSED =
            (CommandContext)
                    Proxy.newProxyInstance(
                            CommandContext.class.getClassLoader(),
                            new Class<?>[] {CommandContext.class},
                            (proxy, method, args) -> {
                                throw new UnsupportedOperationException(method.getName());
                            });

    @Command(name = "lm")
    static final class LmCommand extends DelegatingTrainCommand {
        @Option(names = "--hidden", defaultValue = "8")
        int hidden;

        LmCommand() {
            super(UNUSED);
        }

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "zoo")
    static final class NamedCommand extends DelegatingTrainCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        NamedCommand() {
            super(UNUSED, "--data, --epochs, --out, ...", "1..*");
        }

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Test
    void should_keep_the_options_the_command_does_not_know_in_their_order() {
        // given
        LmCommand lm = new LmCommand();

        // when
        new CommandLine(lm).parseArgs("--lr", "0.1", "--hidden", "16", "--plot", "--clip=2");

        // then
        assertThat(lm.hidden).isEqualTo(16);
        assertThat(lm.trainArgs()).containsExactly("--lr", "0.1", "--plot", "--clip=2");
    }

    @Test
    void should_give_no_train_options_when_none_are_given() {
        LmCommand lm = new LmCommand();

        new CommandLine(lm).parseArgs("--hidden", "4");

        assertThat(lm.trainArgs()).isEmpty();
    }

    @Test
    void should_take_train_options_after_the_commands_own_positional_parameter() {
        NamedCommand zoo = new NamedCommand();

        new CommandLine(zoo).parseArgs("lenet5", "--data", "mnist/", "--epochs", "2");

        assertThat(zoo.name).isEqualTo("lenet5");
        assertThat(zoo.trainArgs()).containsExactly("--data", "mnist/", "--epochs", "2");
    }

    @Test
    void should_show_train_options_as_an_optional_list_in_the_help() {
        String lm = new CommandLine(new LmCommand()).getUsageMessage();
        String zoo = new CommandLine(new NamedCommand()).getUsageMessage();

        assertThat(lm)
                .contains("Usage: lm [--hidden=<hidden>] [TRAIN_OPTION...]")
                .contains(
                        "[TRAIN_OPTION...]   Options of 'dlkit train' (--lr, --batch-size, ...).");
        assertThat(zoo)
                .contains("Usage: zoo NAME [TRAIN_OPTION...]")
                .contains("[TRAIN_OPTION...]   Options of 'dlkit train' (--data, --epochs, --out,");
    }
}
