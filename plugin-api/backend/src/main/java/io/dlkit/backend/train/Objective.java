package io.dlkit.backend.train;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.GraphContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A training objective: from the model's named outputs and the batch's named target tensors, the
 * scalar loss to minimize and, optionally, extra scalar metrics (batch means) that the {@link
 * Trainer} averages over each epoch and reports beside the loss ({@code metrics.csv}, progress,
 * curves, early stopping). The three built-in losses ({@link LossKind}) are objectives; plugins add
 * more through {@code io.dlkit.api.extension.ObjectiveProvider}, and {@code dlkit train --loss
 * NAME} selects one by {@link #id()}.
 *
 * <p>The trainer adds the L2 term, takes gradients, clips, applies the optimizer, checkpoints and
 * resumes; an objective only builds its loss, once, when the training graph is built.
 */
public interface Objective {
    /** The name {@code --loss} takes ({@code focal}), snake_case, unique across dlkit. */
    String id();

    /** One line describing the loss (its formula). */
    String description();

    /**
     * Whether the objective trains on integer class labels (the target {@code labels}, shape {@code
     * [batch]}); the trainer then also reports accuracy. Otherwise it takes float targets ({@code
     * targets}).
     */
    boolean classification();

    /** The names of the extra metrics {@link #build} returns, in order; empty by default. */
    default List<String> metricNames() {
        return List.of();
    }

    /**
     * Extra float32 target tensors the objective needs beyond {@code labels} and {@code targets} (a
     * YOLO grid, a mask), by name, with their shapes without the batch dimension; the training
     * graph makes a placeholder for each, passes it in {@link Inputs#targets()}, and a {@link
     * io.dlkit.backend.data.BatchSource} feeds the array of the same name. None by default.
     */
    default Map<String, long[]> targetShapes() {
        return Map.of();
    }

    /**
     * Adds the loss to the graph; called once per training graph.
     *
     * @return the batch-mean loss and one batch-mean scalar per {@link #metricNames()} name
     * @throws IllegalArgumentException when the model's outputs do not suit the objective (naming
     *     the shape it needs)
     */
    Loss build(GraphContext graph, Inputs inputs);

    /**
     * What an objective builds on.
     *
     * @param outputs the model's outputs by name; a Sequential model has one, {@code output}
     * @param targets the batch's target tensors by name: {@code labels} (int32 {@code [batch]}) and
     *     {@code targets} (float32, the shape of the data's targets)
     */
    record Inputs(Map<String, Model.Forward> outputs, Map<String, Operand<?>> targets) {
        /** Copies the maps. */
        public Inputs {
            outputs = new LinkedHashMap<>(requireNonNull(outputs, "outputs is null"));
            targets = new LinkedHashMap<>(requireNonNull(targets, "targets is null"));
        }

        /** The only (or first) output. */
        public Model.Forward output() {
            return outputs.values().iterator().next();
        }

        /** The integer class labels, {@code [batch]}. */
        @SuppressWarnings("unchecked")
        public Operand<TInt32> labels() {
            return (Operand<TInt32>) target("labels");
        }

        /** The float targets. */
        @SuppressWarnings("unchecked")
        public Operand<TFloat32> floatTargets() {
            return (Operand<TFloat32>) target("targets");
        }

        /** A target tensor by name. */
        public Operand<?> target(String name) {
            Operand<?> t = targets.get(name);
            if (t == null) {
                throw new IllegalArgumentException(
                        "no target named '" + name + "'; targets: " + targets.keySet());
            }
            return t;
        }
    }

    /**
     * What an objective built.
     *
     * @param loss the scalar loss, mean over the batch
     * @param metrics scalar batch means by name, in the order of {@link #metricNames()}
     */
    record Loss(Operand<TFloat32> loss, Map<String, Operand<TFloat32>> metrics) {
        /** Copies the metric map, keeping its order. */
        public Loss {
            requireNonNull(loss, "loss is null");
            metrics = new LinkedHashMap<>(requireNonNull(metrics, "metrics is null"));
        }

        /** A loss without extra metrics. */
        public static Loss of(Operand<TFloat32> loss) {
            return new Loss(loss, Map.of());
        }
    }
}
