package io.dlkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.extension.BatchTasks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedApplicationTest {
    @Test
    void should_wire_dlkit_with_default_quiet_settings_for_a_spark_executor() {
        // given no plugin folder
        PrintWriter err = new PrintWriter(new StringWriter());

        // when
        Injector injector = DlkitApplication.embedded(List.of(), err, err);

        // then the global options have their defaults, and no batch task is known
        RunSettings s = injector.getInstance(CommandContext.class).settings();
        assertThat(s.device()).isEqualTo("cpu");
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.quiet()).isTrue();
        BatchTasks tasks = injector.getInstance(BatchTasks.class);
        assertThat(tasks.names()).isEmpty();
        assertThatThrownBy(() -> tasks.provider("detect"))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "unknown batch task 'detect' (known: none: are the plugins started? see"
                                + " dlkit plugins)");
    }
}
