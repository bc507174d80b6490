package io.dlkit.backend.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NativeStderrTest {
    private static final Path FD2 = Path.of("/proc/self/fd/2");

    @BeforeAll
    static void loadTheNativeLibrary() {
        assumeTrue(Files.exists(FD2), "needs Linux /proc");
        TfRuntime.get(); // Loader.addressof lives in TensorFlow's JNI library
    }

    @Test
    void should_point_fd_2_at_dev_null_while_the_work_runs_and_restore_it_after()
            throws IOException {
        // given
        Path before = Files.readSymbolicLink(FD2);
        AtomicReference<Path> during = new AtomicReference<>();

        // when
        NativeStderr.silenced(
                () -> {
                    try {
                        during.set(Files.readSymbolicLink(FD2));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });

        // then
        assertThat(during.get()).isEqualTo(Path.of("/dev/null"));
        assertThat(Files.readSymbolicLink(FD2)).isEqualTo(before);
    }

    @Test
    void should_restore_fd_2_and_close_what_it_opened_when_the_work_fails() throws IOException {
        Path before = Files.readSymbolicLink(FD2);
        long openBefore = openDescriptors();

        assertThatThrownBy(
                        () ->
                                NativeStderr.silenced(
                                        () -> {
                                            throw new IllegalStateException("boom");
                                        }))
                .hasMessage("boom");

        assertThat(Files.readSymbolicLink(FD2)).isEqualTo(before);
        assertThat(openDescriptors()).isEqualTo(openBefore);
    }

    private static long openDescriptors() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
