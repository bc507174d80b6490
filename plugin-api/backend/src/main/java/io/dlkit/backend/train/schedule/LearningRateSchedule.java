package io.dlkit.backend.train.schedule;

import java.util.Map;

/**
 * The learning rate for each step of training, computed in Java and fed to the graph's learning
 * rate placeholder (see {@link io.dlkit.backend.train.Optimizer}), so changing it never rebuilds
 * the graph. Create one with {@link Schedules#parse} (command-line syntax) or {@link
 * Schedules#fromConfig} (a pipeline or model file).
 *
 * <p>Implementations are immutable values: equal configs give equal schedules.
 */
public interface LearningRateSchedule {
    /** The type name used in specs and configs ({@code exponential}). */
    String type();

    /**
     * The learning rate for one step.
     *
     * @param epoch the number of completed passes over the training set: 0 during the first
     * @param step the number of mini-batch updates done before this one, over all epochs: 0 for the
     *     first
     * @throws IllegalArgumentException if {@code epoch} or {@code step} is negative
     */
    double rate(int epoch, long step);

    /**
     * The parameters, snake_case keys, including {@code type}; {@link Schedules#fromConfig}
     * recreates an equal schedule from it.
     */
    Map<String, Object> config();
}
