package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Transfer learning for a fresh training run: {@code --freeze UP_TO_LAYER} marks the layers up to
 * one as {@code trainable: false} (recorded in model.yaml, so resume and eval rebuild the same),
 * and {@code --init-from DIR} starts every variable whose name and shape match one of DIR's trained
 * variables from its value, reporting what was and was not taken.
 *
 * @param freezeUpTo the last layer to freeze, or null
 * @param initFrom a model directory to take weights from, or null
 */
record Transfer(String freezeUpTo, Path initFrom) {
    /** No transfer. */
    static final Transfer NONE = new Transfer(null, null);

    /** The model with the requested layers frozen. */
    Sequential freeze(Sequential model) {
        if (freezeUpTo == null) return model;
        try {
            return model.freezeUpTo(freezeUpTo);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    /** The functional model with the requested layers frozen (in model-file order). */
    FunctionalModel freeze(FunctionalModel model) {
        if (freezeUpTo == null) return model;
        try {
            return model.freezeUpTo(freezeUpTo);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    /**
     * Assigns {@code model}'s variables in {@code g} from {@link #initFrom}; returns the report (or
     * null without {@code --init-from}).
     */
    Map<String, Object> initialize(
            CommandContext ctx, OptimizerRegistry optimizers, GraphContext g, Sequential model) {
        return initialize(ctx, optimizers, g, model.variables());
    }

    /**
     * Assigns {@code variables} in {@code g} from {@link #initFrom} (a Sequential or a functional
     * model's directory) by name and shape; returns the report (or null without {@code
     * --init-from}).
     */
    Map<String, Object> initialize(
            CommandContext ctx,
            OptimizerRegistry optimizers,
            GraphContext g,
            List<WeightVariable<TFloat32>> variables) {
        if (initFrom == null) return null;
        Map<String, NdArray> source = sourceWeights(ctx, optimizers);
        List<String> taken = new ArrayList<>();
        List<String> notTaken = new ArrayList<>();
        Session.Runner r = g.session().runner();
        for (WeightVariable<TFloat32> v : variables) {
            long[] shape = v.variable().shape().asArray();
            NdArray w = source.get(v.name());
            if (w == null) {
                notTaken.add(v.name() + " (not in " + initFrom + ")");
            } else if (!Arrays.equals(w.shape(), shape)) {
                notTaken.add(
                        v.name()
                                + " (shape "
                                + Arrays.toString(shape)
                                + ", there "
                                + Arrays.toString(w.shape())
                                + ")");
            } else {
                r.addTarget(
                        g.tf().assign(
                                        v.variable(),
                                        g.tf().constant(
                                                        Shape.of(shape),
                                                        DataBuffers.of(w.floats(), true, false))));
                taken.add(v.name());
            }
        }
        if (!taken.isEmpty()) r.run();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("from", initFrom.toString());
        report.put("taken", taken);
        report.put("not_taken", notTaken);
        if (!ctx.settings().quiet()) {
            ctx.err()
                    .println(
                            "init-from "
                                    + initFrom
                                    + ": took "
                                    + taken.size()
                                    + " of "
                                    + variables.size()
                                    + " variables"
                                    + (notTaken.isEmpty()
                                            ? ""
                                            : "; not taken: " + String.join(", ", notTaken)));
            ctx.err().flush();
        }
        return report;
    }

    private Map<String, NdArray> sourceWeights(CommandContext ctx, OptimizerRegistry optimizers) {
        if (FunctionalTrained.isFunctional(initFrom)) {
            try (FunctionalTrained m = FunctionalTrained.open(initFrom, ctx, optimizers)) {
                return m.weights();
            }
        }
        try (TrainedModel m = TrainedModel.open(initFrom, ctx, optimizers)) {
            return ModelFeatures.weights(m);
        }
    }
}
