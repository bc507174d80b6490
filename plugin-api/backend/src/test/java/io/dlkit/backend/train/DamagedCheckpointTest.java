package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a checkpoint can be damaged is one line naming the file, never a TensorFlow error. */
class DamagedCheckpointTest {
    private static final String RECOVER =
            "; the checkpoint cannot be restored: copy the model directory back from a backup,"
                    + " or train it again with --overwrite";

    @TempDir Path modelDir;
    private Checkpoints checkpoints;
    private Path dir;

    @BeforeEach
    void saveOne() {
        checkpoints = new Checkpoints(modelDir);
        try (GraphContext g = CheckpointsTest.graphWithW()) {
            checkpoints.save(
                    g.session(),
                    new TrainState(
                            1,
                            0,
                            3,
                            new double[4],
                            0.5,
                            0,
                            List.of(CheckpointsTest.metrics(1, 3, 0.5))));
        }
        dir = checkpoints.dir();
    }

    @Test
    void should_restore_an_undamaged_checkpoint() {
        try (GraphContext g = CheckpointsTest.graphWithW()) {
            assertThat(checkpoints.restore(g.session()).step()).isEqualTo(3);
        }
    }

    @Test
    void should_name_a_truncated_data_file() throws IOException {
        Path data = dir.resolve("variables.data-00000-of-00001");
        truncate(data, 3);

        assertThat(restoreFailure())
                .startsWith(data + ": damaged (")
                .endsWith(RECOVER)
                .doesNotContain("Exception");
    }

    @Test
    void should_name_a_truncated_index() throws IOException {
        Path index = dir.resolve("variables.index");
        truncate(index, 10);

        assertThat(restoreFailure())
                .isEqualTo(index + ": damaged (file is too short to be an sstable)" + RECOVER);
    }

    @Test
    void should_name_a_missing_index_or_data_file() throws IOException {
        Files.delete(dir.resolve("variables.index"));
        assertThat(restoreFailure())
                .isEqualTo(dir.resolve("variables.index") + ": missing" + RECOVER);

        saveOne();
        Files.delete(dir.resolve("variables.data-00000-of-00001"));
        assertThat(restoreFailure())
                .isEqualTo(dir.resolve("variables.data-00000-of-00001") + ": missing" + RECOVER);
    }

    @Test
    void should_name_a_garbled_state_file() throws IOException {
        Path state = dir.resolve("state.properties");
        Files.writeString(state, "garbage\n");
        assertThat(restoreFailure())
                .isEqualTo(
                        state
                                + ": not a training state dlkit wrote (a required entry is missing)"
                                + RECOVER);

        Files.write(state, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
        assertThat(restoreFailure())
                .startsWith(state + ": not a training state dlkit wrote (MalformedInputException");

        Files.writeString(state, "epoch=-1\nbatch=0\nstep=0\nsums=0\nbest=NaN\nbad_epochs=0\n");
        assertThat(restoreFailure())
                .isEqualTo(
                        state
                                + ": not a training state dlkit wrote (IllegalArgumentException:"
                                + " negative epoch, batch or step)"
                                + RECOVER);
    }

    @Test
    void should_say_model_yaml_disagrees_when_a_variable_changed_shape() {
        // given: the graph now has w of shape [3] where the checkpoint holds shape [2]
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            g.variable("w", g.tf().constant(new float[] {1, 2, 3}), true);

            assertThatThrownBy(() -> checkpoints.restore(g.session()))
                    .isInstanceOf(DamagedCheckpointException.class)
                    .hasMessage(
                            modelDir.resolve("model.yaml")
                                    + ": does not match "
                                    + dir
                                    + ": a variable of shape [3] in the model has shape [2] in the"
                                    + " checkpoint; undo the edit to model.yaml, or train a new model"
                                    + " with --overwrite");
        }
    }

    private String restoreFailure() {
        try (GraphContext g = CheckpointsTest.graphWithW()) {
            Throwable t =
                    org.assertj.core.api.Assertions.catchThrowable(
                            () -> checkpoints.restore(g.session()));
            assertThat(t).isInstanceOf(DamagedCheckpointException.class);
            return t.getMessage();
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }
}
