package io.dlkit.backend.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dlkit.backend.data.CsvReader;
import io.dlkit.backend.data.Datasets;
import io.dlkit.backend.data.IdxReader;
import io.dlkit.backend.image.Images;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    @TempDir Path dir;

    @Test
    void should_accept_a_regular_file_and_a_link_to_one() throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("a.csv"), "1,0\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), file);

        // when // then
        assertThat(InputFiles.problem(file, "a CSV file")).isEmpty();
        assertThatCode(() -> InputFiles.requireRegularFile(link, "a CSV file"))
                .doesNotThrowAnyException();
    }

    @Test
    void should_refuse_a_fifo_without_opening_it() throws Exception {
        Path fifo = fifo("data.csv");

        assertThatThrownBy(() -> InputFiles.requireRegularFile(fifo, "a CSV file"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(fifo + ": is a FIFO, not a regular file; give a CSV file");
    }

    @Test
    void should_name_a_character_device_behind_a_link() throws IOException {
        Path zero = Files.createSymbolicLink(dir.resolve("zero.csv"), Path.of("/dev/zero"));

        assertThatThrownBy(() -> InputFiles.requireRegularFile(zero, "a CSV file"))
                .hasMessage(zero + ": is a character device, not a regular file; give a CSV file");
    }

    @Test
    void should_name_a_socket() throws IOException {
        Path socket = dir.resolve("s.npy");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            assertThat(InputFiles.problem(socket, "a NumPy .npy file"))
                    .contains("is a socket, not a regular file; give a NumPy .npy file");
        }
    }

    @Test
    void should_say_a_directory_is_not_a_file() {
        assertThat(InputFiles.problem(dir, "a model file"))
                .contains("is a directory, not a file; give a model file");
    }

    @Test
    void should_name_a_symbolic_link_loop_and_a_broken_link() throws IOException {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        Path broken = Files.createSymbolicLink(dir.resolve("c.yaml"), dir.resolve("gone.yaml"));

        assertThat(InputFiles.problem(a, "a model file"))
                .contains("is a symbolic link loop; point it at a real file");
        assertThat(InputFiles.problem(broken, "a model file"))
                .contains(
                        "is a broken symbolic link (to "
                                + dir.resolve("gone.yaml")
                                + "); point it at a real file");
    }

    @Test
    void should_throw_no_such_file_with_the_path_for_a_missing_file() {
        Path missing = dir.resolve("missing.csv");

        assertThat(InputFiles.problem(missing, "a CSV file")).contains("no such file");
        assertThatThrownBy(() -> InputFiles.requireRegularFile(missing, "a CSV file"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing.toString());
    }

    @Test
    void should_say_permission_denied_for_an_unreadable_file() throws IOException {
        Path file = Files.writeString(dir.resolve("secret.csv"), "1,0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(file), "root reads every file");

        assertThat(InputFiles.problem(file, "a CSV file")).contains("permission denied");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void should_make_every_reader_refuse_a_fifo_instead_of_hanging() throws Exception {
        Path fifo = fifo("x");
        assertRefusesFifo(f -> CsvReader.builder().build().read(f), fifo);
        assertRefusesFifo(Npy::read, fifo);
        assertRefusesFifo(Npz::read, fifo);
        assertRefusesFifo(Images::read, fifo);
        assertRefusesFifo(IdxReader::readImages, fifo);
        assertRefusesFifo(IdxReader::readLabels, fifo);
        assertRefusesFifo(Datasets::load, fifo("train.csv"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void should_refuse_a_fifo_in_an_mnist_style_folder() throws Exception {
        fifo("train-images-idx3-ubyte.gz");

        assertThatThrownBy(() -> Datasets.loadIdxFolder(dir, Datasets.TRAIN))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        dir.resolve("train-images-idx3-ubyte.gz")
                                + ": is a FIFO, not a regular file; give an IDX file");
    }

    private static void assertRefusesFifo(ThrowingConsumer<Path> reader, Path fifo) {
        assertThatThrownBy(() -> reader.accept(fifo))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(fifo + ": is a FIFO, not a regular file; give ");
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo exit code").isZero();
        return p;
    }
}
