package io.dlkit.plugins.detector.yolo;

import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A functional model with one input and one output seen as a {@link Model}, so that the core
 * trainer's single-input graph ({@code TrainingGraph.build}, with an objective's extra targets)
 * trains YOLOv2's passthrough graph as it trains a plain stack.
 */
final class SingleOutputModel implements Model {
    private final FunctionalModel model;
    private final String input;

    SingleOutputModel(FunctionalModel model) {
        if (model.inputShapes().size() != 1 || model.outputNames().size() != 1) {
            throw new IllegalArgumentException(
                    "a YOLO model has one input and one output, got "
                            + model.inputShapes().keySet()
                            + " and "
                            + model.outputNames());
        }
        this.model = model;
        this.input = model.inputShapes().keySet().iterator().next();
    }

    @Override
    public long[] inputShape() {
        return model.inputShapes().get(input);
    }

    @Override
    public List<Layer> layers() {
        return model.layers();
    }

    @Override
    public Map<String, Object> config() {
        return model.config();
    }

    @Override
    public Forward forward(GraphContext graph, Operand<TFloat32> x, Operand<TBool> training) {
        return model.forward(graph, Map.of(input, x), training).values().iterator().next();
    }

    @Override
    public List<WeightVariable<TFloat32>> trainableVariables() {
        return model.trainableVariables();
    }

    @Override
    public List<WeightVariable<TFloat32>> variables() {
        return model.variables();
    }

    @Override
    public List<WeightVariable<TFloat32>> regularizedWeights() {
        return model.regularizedWeights();
    }

    @Override
    public List<Op> trainingUpdates() {
        return model.trainingUpdates();
    }
}
