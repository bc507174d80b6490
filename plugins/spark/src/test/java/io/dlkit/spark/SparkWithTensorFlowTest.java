package io.dlkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class SparkWithTensorFlowTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSessions.start("local[2]", "dlkit-test");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void should_run_tensorflow_inside_spark_tasks_and_round_trip_parquet(@TempDir Path dir) {
        Dataset<Integer> xs = spark.createDataset(List.of(1, 2, 3, 4, 5, 6), Encoders.INT());
        Dataset<Float> squares =
                xs.repartition(2)
                        .mapPartitions(
                                (MapPartitionsFunction<Integer, Float>)
                                        SparkWithTensorFlowTest::squareWithTensorFlow,
                                Encoders.FLOAT());
        String out = dir.resolve("squares.parquet").toString();
        squares.toDF("y").write().parquet(out);

        List<Row> back = spark.read().parquet(out).orderBy("y").collectAsList();

        assertThat(back).extracting(r -> r.getFloat(0)).containsExactly(1f, 4f, 9f, 16f, 25f, 36f);
    }

    /** One TensorFlow graph per partition (as batch inference does), x * x for each record. */
    private static Iterator<Float> squareWithTensorFlow(Iterator<Integer> xs) {
        List<Float> ys = new ArrayList<>();
        try (Graph g = new Graph();
                Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var x = tf.placeholder(TFloat32.class);
            var y = tf.math.mul(x, x);
            while (xs.hasNext()) {
                try (TFloat32 in = TFloat32.scalarOf(xs.next());
                        TFloat32 r = (TFloat32) s.runner().feed(x, in).fetch(y).run().get(0)) {
                    ys.add(r.getFloat());
                }
            }
        }
        return ys.iterator();
    }
}
