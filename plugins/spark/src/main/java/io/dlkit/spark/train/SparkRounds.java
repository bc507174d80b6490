package io.dlkit.spark.train;

import java.io.Serializable;
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
 * worker's graph in {@link Workers} and its starting weights in a broadcast variable.
 */
final class SparkRounds implements RoundExecutor {
    private final JavaSparkContext spark;

    SparkRounds(JavaSparkContext spark) {
        this.spark = spark;
    }

    @Override
    public List<RoundResult> run(Round round, Weights start, int workers) {
        Broadcast<Weights> weights = spark.broadcast(start);
        try {
            RDD<Integer> ids =
                    spark.parallelize(IntStream.range(0, workers).boxed().toList(), workers).rdd();
            ClassTag<RoundResult> tag = ClassTag$.MODULE$.apply(RoundResult.class);
            Object[] out =
                    (Object[])
                            ids.barrier()
                                    .mapPartitions(new TrainTask(round, weights), false, tag)
                                    .collect();
            List<RoundResult> results = new ArrayList<>();
            for (Object o : out) results.add((RoundResult) o);
            return results;
        } finally {
            weights.destroy();
        }
    }

    /** A worker's task: train the round on its shard from the broadcast weights. */
    private static final class TrainTask
            extends AbstractFunction1<Iterator<Integer>, Iterator<RoundResult>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Round round;
        private final Broadcast<Weights> weights;

        TrainTask(Round round, Broadcast<Weights> weights) {
            this.round = round;
            this.weights = weights;
        }

        @Override
        public Iterator<RoundResult> apply(Iterator<Integer> ids) {
            List<RoundResult> out = new ArrayList<>();
            while (ids.hasNext()) {
                out.add(Workers.get(round.runId(), ids.next()).train(round, weights.value()));
            }
            return CollectionConverters.asScala(out.iterator());
        }
    }
}
