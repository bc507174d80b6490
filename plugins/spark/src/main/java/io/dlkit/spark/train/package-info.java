/**
 * {@code dlkit train --engine spark}: synchronous data-parallel training by parameter averaging
 * (Deeplearning4j's scheme) on Apache Spark. {@link io.dlkit.spark.train.SparkTraining} is the
 * {@link io.dlkit.cli.nn.DistributedTraining} engine; {@link
 * io.dlkit.spark.train.ParameterAveraging} is the driver's loop (rounds, epoch ends, checkpoints),
 * plain Java over a round executor; each worker runs the core trainer on its shard and is built
 * where it runs, once per JVM, from a serializable {@code RunSpec} (the run's {@link
 * io.dlkit.cli.nn.WorkerRecipe} and its shard file, shipped with {@code SparkContext.addFile});
 * {@link io.dlkit.spark.train.WeightAverage} is the averaging itself.
 */
package io.dlkit.spark.train;
