package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints are written to a temporary folder and renamed into place, so {@code checkpoint/}
 * always holds a complete checkpoint and nothing else is left behind.
 */
class CheckpointsTest {
    private static final TrainState FIRST =
            new TrainState(1, 0, 3, new double[4], 0.5, 0, List.of(metrics(1, 3, 0.5)));
    private static final TrainState SECOND =
            new TrainState(
                    2,
                    1,
                    7,
                    new double[] {1.25, 0.5, 3, 4},
                    0.5,
                    1,
                    List.of(metrics(1, 3, 0.5), metrics(2, 6, 0.75)));

    @TempDir Path modelDir;

    @Test
    void should_keep_one_complete_checkpoint_folder_and_no_temporary_ones_when_saving_twice()
            throws IOException {
        // given
        Checkpoints checkpoints = new Checkpoints(modelDir);
        try (GraphContext g = graphWithW()) {
            // when
            checkpoints.save(g.session(), FIRST);
            GraphValues.assign(g, "w", 3, 4);
            checkpoints.save(g.session(), SECOND);
        }
        // then
        assertThat(names(modelDir)).containsExactly("checkpoint");
        assertThat(names(checkpoints.dir()))
                .containsExactlyInAnyOrder(
                        "state.properties", "variables.index", "variables.data-00000-of-00001");
        assertThat(checkpoints.exists()).isTrue();
    }

    @Test
    void should_restore_the_variables_and_state_of_the_last_save_into_a_fresh_graph() {
        // given
        Checkpoints checkpoints = new Checkpoints(modelDir);
        try (GraphContext g = graphWithW()) {
            checkpoints.save(g.session(), FIRST);
            GraphValues.assign(g, "w", 3, 4);
            checkpoints.save(g.session(), SECOND);
        }
        try (GraphContext g = graphWithW()) {
            // when
            TrainState restored = checkpoints.restore(g.session());
            // then
            assertThat(GraphValues.fetch(g, "w")).containsExactly(3, 4);
            assertSameState(restored, SECOND);
        }
    }

    @Test
    void should_fall_back_to_the_previous_checkpoint_when_a_save_stopped_between_its_renames()
            throws IOException {
        // given: a save that moved checkpoint/ aside and died before moving the new one in
        Checkpoints checkpoints = new Checkpoints(modelDir);
        try (GraphContext g = graphWithW()) {
            checkpoints.save(g.session(), FIRST);
        }
        Files.move(checkpoints.dir(), modelDir.resolve(".checkpoint-old"));
        try (GraphContext g = graphWithW()) {
            GraphValues.assign(g, "w", 9, 9);
            // when
            TrainState restored = checkpoints.restore(g.session());
            // then
            assertThat(GraphValues.fetch(g, "w")).containsExactly(1, 2);
            assertSameState(restored, FIRST);
            // and the next save leaves only checkpoint/
            checkpoints.save(g.session(), SECOND);
        }
        assertThat(names(modelDir)).containsExactly("checkpoint");
    }

    @Test
    void should_say_how_to_start_when_there_is_no_checkpoint() {
        // given: an empty model directory
        Checkpoints checkpoints = new Checkpoints(modelDir);
        try (GraphContext g = graphWithW()) {
            // when / then
            assertThat(checkpoints.exists()).isFalse();
            assertThatThrownBy(() -> checkpoints.restore(g.session()))
                    .isInstanceOf(DamagedCheckpointException.class)
                    .hasMessage(
                            checkpoints.dir().resolve("state.properties")
                                    + ": missing, so "
                                    + modelDir
                                    + " has no complete checkpoint; train without --resume (with"
                                    + " --overwrite) to start again");
        }
    }

    @Test
    void should_read_back_the_state_it_stored() throws IOException {
        // given: NaN for "no best yet", and history numbers that need all 17 digits
        TrainState state =
                new TrainState(
                        3,
                        2,
                        11,
                        new double[] {0.1 + 0.2, 1e-300, 7, 9, 0.25},
                        Double.NaN,
                        2,
                        List.of(
                                new EpochMetrics(
                                        1,
                                        4,
                                        1.0 / 3,
                                        0.01,
                                        Double.NaN,
                                        2.5,
                                        0.75,
                                        0.095,
                                        1.5,
                                        8.25)));
        StringWriter out = new StringWriter();
        // when
        state.store(out);
        TrainState back = TrainState.load(new StringReader(out.toString()));
        // then
        assertSameState(back, state);
    }

    private static void assertSameState(TrainState actual, TrainState expected) {
        assertThat(actual.epoch()).isEqualTo(expected.epoch());
        assertThat(actual.batch()).isEqualTo(expected.batch());
        assertThat(actual.step()).isEqualTo(expected.step());
        assertThat(actual.sums()).containsExactly(expected.sums());
        assertThat(Double.valueOf(actual.best())).isEqualTo(Double.valueOf(expected.best()));
        assertThat(actual.badEpochs()).isEqualTo(expected.badEpochs());
        assertThat(actual.history()).isEqualTo(expected.history());
    }

    /** A graph with the float variable {@code w = [1, 2]}. */
    static GraphContext graphWithW() {
        GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1);
        g.variable("w", g.tf().constant(new float[] {1, 2}), true);
        return g;
    }

    static EpochMetrics metrics(int epoch, long step, double loss) {
        return new EpochMetrics(epoch, step, loss, 0, 0.5, Double.NaN, Double.NaN, 0.1, 1, 10);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
