package io.dlkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine on local[2,3] (3 attempts per task): one session for the whole class. */
class SparkBatchTest {
    private static SparkSession spark;
    private static final TaskSpec ECHO =
            TaskSettings.spec("echo", Map.of("suffix", "!"), RunSettings.defaults());

    @TempDir Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2,3]", "dlkit-test");
        ExecutorTasks.use(EchoTask.registry());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @BeforeEach
    void resetCounters() {
        EchoTask.OPENED.set(0);
        EchoTask.CLOSED.set(0);
    }

    @AfterEach
    void noInjectedFailure() {
        System.clearProperty(BatchPartition.FAIL_ONCE);
    }

    @Test
    void should_open_one_task_per_partition_and_turn_a_bad_record_into_an_error_row()
            throws Exception {
        // given 40 texts, the 8th "bad", in 4 partitions
        List<InputRow> rows = texts(40, 7);
        SparkEngine engine = new SparkEngine(spark);
        OutputTarget out = OutputTarget.of("out.parquet", dir, false);

        // when
        BatchSummary s = engine.run(ECHO, engine.inputs(rows, null, 4), out, false);

        // then one model per partition, never one per record, each closed
        assertThat(EchoTask.OPENED.get()).isEqualTo(4);
        assertThat(EchoTask.CLOSED.get()).isEqualTo(4);
        assertThat(s.records()).isEqualTo(40);
        assertThat(s.errors()).isEqualTo(1);
        List<OutputRow> written = read(dir.resolve("out.parquet"));
        assertThat(written)
                .extracting(OutputRow::id)
                .containsExactlyInAnyOrderElementsOf(ids(rows));
        OutputRow bad =
                written.stream().filter(r -> r.id().equals("t:7")).findFirst().orElseThrow();
        assertThat(bad.error()).isEqualTo("bad record");
        assertThat(bad.count()).isNull();
        assertThat(bad.output()).isNull();
        OutputRow ok =
                written.stream().filter(r -> r.id().equals("t:12")).findFirst().orElseThrow();
        assertThat(ok.output()).isEqualTo("{\"text\":\"text 12!\",\"length\":7}");
        assertThat(ok.count()).isEqualTo(7);
        assertThat(ok.model()).isEqualTo("echo-model");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .containsExactly("out.parquet");
    }

    @Test
    void should_retry_a_failed_task_and_still_write_each_input_exactly_once() throws Exception {
        // given the first attempt of the task holding t:25 fails after writing some rows
        System.setProperty(BatchPartition.FAIL_ONCE, "t:25");
        List<InputRow> rows = texts(40, -1);
        SparkEngine engine = new SparkEngine(spark);

        // when
        BatchSummary s =
                engine.run(
                        ECHO,
                        engine.inputs(rows, null, 4),
                        OutputTarget.of("out.parquet", dir, false),
                        true);

        // then the retry opened a fifth task, and each input is there once, in both outputs
        assertThat(EchoTask.OPENED.get()).isEqualTo(5);
        assertThat(s.records()).isEqualTo(40);
        assertThat(read(dir.resolve("out.parquet")))
                .extracting(OutputRow::id)
                .containsExactlyInAnyOrderElementsOf(ids(rows));
        List<String> lines =
                spark.read().textFile(dir.resolve("out.jsonl").toString()).collectAsList();
        assertThat(lines)
                .hasSize(40)
                .anyMatch(l -> l.startsWith("{\"id\":\"t:25\",\"task\":\"echo\""));
    }

    @Test
    void should_write_with_the_local_engine_what_spark_reads_as_the_spark_engine_schema()
            throws Exception {
        // given
        List<InputRow> rows = texts(5, 2);

        // when
        BatchSummary s =
                LocalEngine.run(
                        new EchoTask(),
                        ECHO,
                        rows,
                        OutputTarget.of("local.parquet", dir, false),
                        false);

        // then
        Dataset<Row> back = spark.read().parquet(dir.resolve("local.parquet").toString());
        assertThat(back.schema().fieldNames()).containsExactly(OutputRow.SCHEMA.fieldNames());
        assertThat(back.schema().simpleString()).isEqualTo(OutputRow.SCHEMA.simpleString());
        assertThat(s.records()).isEqualTo(5);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(EchoTask.OPENED.get()).isEqualTo(1);
        assertThat(read(dir.resolve("local.parquet")))
                .extracting(OutputRow::output)
                .containsExactly(
                        "{\"text\":\"text 0!\",\"length\":6}",
                        "{\"text\":\"text 1!\",\"length\":6}",
                        null,
                        "{\"text\":\"text 3!\",\"length\":6}",
                        "{\"text\":\"text 4!\",\"length\":6}");
    }

    @Test
    void should_read_a_parquet_input_in_both_engines_and_refuse_to_overwrite() throws Exception {
        // given a Parquet input written by Spark
        String input = dir.resolve("in.parquet").toString();
        spark.createDataFrame(texts(6, -1).stream().map(InputRow::toRow).toList(), InputRow.SCHEMA)
                .select("id", "text")
                .write()
                .parquet(input);
        SparkEngine engine = new SparkEngine(spark);

        // when
        engine.run(
                ECHO,
                engine.inputs(null, input, 2),
                OutputTarget.of("a.parquet", dir, false),
                false);
        List<InputRow> local = ParquetFiles.read(dir.resolve("in.parquet").toUri().toString());

        // then
        assertThat(read(dir.resolve("a.parquet"))).hasSize(6).allMatch(r -> r.error() == null);
        assertThat(local)
                .extracting(InputRow::text)
                .containsExactlyInAnyOrder(
                        "text 0", "text 1", "text 2", "text 3", "text 4", "text 5");
        assertThatThrownBy(() -> OutputTarget.of("a.parquet", dir, false))
                .isInstanceOf(DlkitException.class)
                .hasMessage("batch: a.parquet already exists; use --overwrite to replace it");
    }

    @Test
    void should_fail_with_the_tasks_own_error_and_leave_nothing_when_tasks_cannot_open()
            throws Exception {
        // given a task that cannot open (a missing model, say) on every attempt
        TaskSpec bad = TaskSettings.spec("echo", Map.of("suffix", "FAIL"), RunSettings.defaults());
        SparkEngine engine = new SparkEngine(spark);
        OutputTarget out = OutputTarget.of("x.parquet", dir, false);

        // when / then the task's one-line error, and no output or temporary folder
        assertThatThrownBy(() -> engine.run(bad, engine.inputs(texts(4, -1), null, 2), out, true))
                .isInstanceOf(DlkitException.class)
                .hasMessage("echo: cannot open (test)");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static List<InputRow> texts(int n, int bad) {
        return IntStream.range(0, n)
                .mapToObj(i -> InputRow.text("t:" + i, i == bad ? "bad" : "text " + i))
                .toList();
    }

    private static List<String> ids(List<InputRow> rows) {
        return rows.stream().map(InputRow::id).toList();
    }

    private static List<OutputRow> read(Path parquet) {
        return spark.read().parquet(parquet.toString()).orderBy("id").collectAsList().stream()
                .map(OutputRow::of)
                .toList();
    }
}
