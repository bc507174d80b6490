package io.dlkit.spark.train;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * Runs a round as one Spark job in barrier execution mode: one task per worker, all started
 * together or none (a gang, as TensorFlowOnSpark and Horovod-on-Spark run theirs), each finding its
 * worker in {@link Workers} (or building it there from the task's {@link RunSpec}, its shard from
 * the file {@link #ship} added to the job) and its starting weights in a broadcast variable.
 */
final class SparkRounds implements RoundExecutor {
    private final JavaSparkContext spark;
    private final boolean inJvm;

    /**
     * Rounds on {@code spark}; with {@code inJvm} (local masters, where the tasks run in the
     * driver's JVM) the weights pass between driver and tasks by reference instead of through a
     * broadcast variable and serialized task results: a round then moves no megabytes.
     */
    SparkRounds(JavaSparkContext spark, boolean inJvm) {
        this.spark = spark;
        this.inJvm = inJvm;
    }

    @Override
    public String ship(Path file) {
        spark.sc().addFile(file.toString());
        return file.getFileName().toString();
    }

    @Override
    public List<RoundResult> run(RunSpec spec, Round round, Weights start) {
        int workers = spec.shardNames().size();
        Broadcast<Weights> weights = inJvm ? null : spark.broadcast(start);
        if (inJvm) Workers.handOff(round.runId() + "/start", start);
        try {
            RDD<Integer> ids =
                    spark.parallelize(IntStream.range(0, workers).boxed().toList(), workers).rdd();
            ClassTag<RoundResult> tag = ClassTag$.MODULE$.apply(RoundResult.class);
            Object[] out =
                    (Object[])
                            ids.barrier()
                                    .mapPartitions(new TrainTask(spec, round, weights), false, tag)
                                    .collect();
            List<RoundResult> results = new ArrayList<>();
            for (Object o : out) {
                RoundResult r = (RoundResult) o;
                boolean sent = inJvm && r.diverged() == null;
                results.add(sent ? r.withWeights(Workers.take(resultKey(round, r.worker()))) : r);
            }
            return results;
        } finally {
            if (weights != null) weights.destroy();
            if (inJvm) Workers.handOff(round.runId() + "/start", null);
        }
    }

    private static String resultKey(Round round, int worker) {
        return round.runId() + "/result/" + worker;
    }

    /** A worker's task: train the round on its shard from the broadcast weights. */
    private static final class TrainTask
            extends AbstractFunction1<Iterator<Integer>, Iterator<RoundResult>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final RunSpec spec;
        private final Round round;
        private final Broadcast<Weights> weights;

        TrainTask(RunSpec spec, Round round, Broadcast<Weights> weights) {
            this.spec = spec;
            this.round = round;
            this.weights = weights;
        }

        @Override
        public Iterator<RoundResult> apply(Iterator<Integer> ids) {
            List<RoundResult> out = new ArrayList<>();
            while (ids.hasNext()) {
                int id = ids.next();
                Weights start =
                        weights == null ? Workers.peek(round.runId() + "/start") : weights.value();
                RoundResult r = Workers.get(spec, id).train(round, start);
                if (weights == null && r.diverged() == null) {
                    Workers.handOff(resultKey(round, id), r.weights());
                    r = r.withWeights(null);
                }
                out.add(r);
            }
            return CollectionConverters.asScala(out.iterator());
        }
    }
}
