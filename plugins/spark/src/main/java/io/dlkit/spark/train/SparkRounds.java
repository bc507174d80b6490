package io.dlkit.spark.train;

import io.dlkit.spark.ExecutorClassPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * Runs a round as one Spark job in barrier execution mode: one task per worker, all started
 * together or none (a gang, as TensorFlowOnSpark and Horovod-on-Spark run theirs), each finding its
 * worker in {@link Workers} (or building it there from the task's {@link RunSpec}, its shard from
 * the file {@link #ship} added to the job). Each worker's task prefers the executor that ran it
 * last, so a worker is built once per run, not once per executor it lands on.
 *
 * <p>How the weights travel: with the tasks in the driver's JVM ({@code local[N]}), by reference;
 * otherwise inside the task itself, so a round is one broadcast (Spark's task binary, which holds
 * them) rather than two (the task binary, then a broadcast variable); {@code
 * -Ddlkit.spark.weights=broadcast} sends them as a broadcast variable instead, for measuring.
 */
final class SparkRounds implements RoundExecutor {
    static final boolean TRACE = Boolean.getBoolean("dlkit.spark.trace");
    private final JavaSparkContext spark;
    private final boolean inJvm;
    private final boolean broadcast = "broadcast".equals(System.getProperty("dlkit.spark.weights"));
    private final Map<Integer, String> placement = new HashMap<>();

    /**
     * Rounds on {@code spark}; with {@code inJvm} (local masters, where the tasks run in the
     * driver's JVM) the weights pass between driver and tasks by reference: a round then moves no
     * megabytes.
     */
    SparkRounds(JavaSparkContext spark, boolean inJvm) {
        this.spark = spark;
        this.inJvm = inJvm;
    }

    /**
     * Adds {@code file} to the job ({@code SparkContext.addFile}: each executor fetches it before
     * its first task); in the driver's JVM the workers read the driver's file itself rather than a
     * copy fetched through Spark's file server (94 MB per worker for the Fashion-MNIST MLP).
     */
    @Override
    public String ship(Path file) {
        if (!inJvm) spark.sc().addFile(file.toString());
        return file.getFileName().toString();
    }

    @Override
    public List<RoundResult> run(RunSpec spec, Round round, Weights start) {
        int workers = spec.shardNames().size();
        long t0 = System.nanoTime();
        Broadcast<Weights> variable = !inJvm && broadcast ? spark.broadcast(start) : null;
        if (inJvm) Workers.handOff(round.runId() + "/start", start);
        try {
            ClassTag<RoundResult> tag = ClassTag$.MODULE$.apply(RoundResult.class);
            Weights inTask = inJvm || broadcast ? null : start;
            Object[] out =
                    (Object[])
                            ids(workers)
                                    .barrier()
                                    .mapPartitions(
                                            new TrainTask(spec, round, inTask, variable),
                                            false,
                                            tag)
                                    .collect();
            if (TRACE) System.err.printf("round: job %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            List<RoundResult> results = new ArrayList<>();
            for (Object o : out) {
                RoundResult r = (RoundResult) o;
                placement.put(r.worker(), r.place());
                boolean sent = inJvm && r.diverged() == null;
                results.add(sent ? r.withWeights(Workers.take(resultKey(round, r.worker()))) : r);
            }
            return results;
        } finally {
            if (variable != null) variable.destroy();
            if (inJvm) Workers.handOff(round.runId() + "/start", null);
        }
    }

    // One partition per worker id, each preferring the executor its worker ran on last.
    private RDD<Integer> ids(int workers) {
        List<Tuple2<Integer, scala.collection.immutable.Seq<String>>> ids = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String place = placement.get(w);
            List<String> prefs = place == null ? List.of() : List.of(place);
            ids.add(new Tuple2<>(w, CollectionConverters.asScala(prefs).toSeq()));
        }
        return spark.sc()
                .makeRDD(
                        CollectionConverters.asScala(ids).toSeq(),
                        ClassTag$.MODULE$.apply(Integer.class));
    }

    private static String resultKey(Round round, int worker) {
        return round.runId() + "/result/" + worker;
    }

    /** Where this task runs, as Spark's task locations name an executor. */
    private static String here() {
        SparkEnv env = SparkEnv.get();
        if (env == null) return null;
        return "executor_" + env.blockManager().blockManagerId().host() + "_" + env.executorId();
    }

    /**
     * A worker's task: train the round on its shard from the round's weights. Its fields name only
     * JDK and Spark types (the run, the round and the weights travel as bytes): a cluster executor
     * deserializes the task before dlkit's classes are loadable there, and reads them only after
     * {@link ExecutorClassPath#ensure} has made them so.
     */
    private static final class TrainTask
            extends AbstractFunction1<Iterator<Integer>, Iterator<RoundResult>>
            implements Serializable {
        private static final long serialVersionUID = 2L;
        private final byte[] payload;
        private final Broadcast<Weights> variable;

        TrainTask(RunSpec spec, Round round, Weights weights, Broadcast<Weights> variable) {
            this.payload = bytes(new Object[] {spec, round, weights});
            this.variable = variable;
        }

        @Override
        public Iterator<RoundResult> apply(Iterator<Integer> ids) {
            ExecutorClassPath.ensure();
            Object[] p = (Object[]) read(payload);
            RunSpec spec = (RunSpec) p[0];
            Round round = (Round) p[1];
            Weights weights = (Weights) p[2];
            List<RoundResult> out = new ArrayList<>();
            while (ids.hasNext()) {
                int id = ids.next();
                long t0 = System.nanoTime();
                Weights start =
                        weights != null
                                ? weights
                                : variable != null
                                        ? variable.value()
                                        : Workers.peek(round.runId() + "/start");
                RoundResult r = Workers.get(spec, id).train(round, start).placed(here());
                if (TRACE)
                    System.err.printf("task %d: %.0f ms%n", id, (System.nanoTime() - t0) / 1e6);
                if (weights == null && variable == null && r.diverged() == null) {
                    Workers.handOff(resultKey(round, id), r.weights());
                    r = r.withWeights(null);
                }
                out.add(r);
            }
            return CollectionConverters.asScala(out.iterator());
        }

        private static byte[] bytes(Object o) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(b)) {
                out.writeObject(o);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return b.toByteArray();
        }

        private static Object read(byte[] bytes) {
            try (ObjectInputStream in =
                    new ObjectInputStream(new ByteArrayInputStream(bytes)) {
                        @Override
                        protected Class<?> resolveClass(ObjectStreamClass d)
                                throws IOException, ClassNotFoundException {
                            return Class.forName(
                                    d.getName(), false, TrainTask.class.getClassLoader());
                        }
                    }) {
                return in.readObject();
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("cannot read the round's task: " + e, e);
            }
        }
    }
}
