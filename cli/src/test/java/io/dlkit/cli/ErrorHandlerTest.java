package io.dlkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The last resort: JVM errors become one line and exit code 1, a stack trace only with -x. */
class ErrorHandlerTest {
    private String report(Throwable e, boolean traces, int expectedCode) {
        StringWriter s = new StringWriter();
        int code = new ErrorHandler(traces).report(e, new PrintWriter(s));
        assertThat(code).isEqualTo(expectedCode);
        return s.toString();
    }

    @Test
    void should_turn_out_of_memory_into_one_line_with_exit_1() {
        assertThat(report(new OutOfMemoryError("Java heap space"), false, 1))
                .isEqualTo(
                        "error: out of memory (Java heap space); use a smaller batch, model or data"
                                + " set, or give dlkit more memory with DLKIT_JAVA_OPTS=-Xmx8g"
                                + System.lineSeparator());
    }

    @Test
    void should_turn_a_stack_overflow_into_one_line_with_exit_1() {
        String err = report(new StackOverflowError(), false, 1);
        assertThat(err.lines()).hasSize(1);
        assertThat(err).startsWith("error: stack overflow: ").doesNotContain("\tat ");
    }

    @Test
    void should_print_the_stack_trace_only_with_x() {
        assertThat(report(new OutOfMemoryError("Java heap space"), true, 1)).contains("\tat ");
    }

    @Test
    void should_let_nothing_escape_the_application_as_a_stack_trace() {
        // given: a command line picocli cannot even build a context for is still one line
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        // when
        int code =
                DlkitApplication.run(
                        new String[] {"--plugins-dir", "/nonexistent", "plugins"},
                        new PrintWriter(out),
                        new PrintWriter(err),
                        java.util.Map.of());

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
    }
}
