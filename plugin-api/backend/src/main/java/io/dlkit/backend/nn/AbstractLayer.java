package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The common part of dlkit's layers: the name (given, or assigned by {@link Sequential} as {@code
 * <type>_<n>}), build-once bookkeeping of the input and output shapes, the variable list, and
 * equality by {@link #config()} (two layers are equal when their configs are).
 *
 * <p>A layer holds the variables it built, so one instance belongs to one model in one graph.
 */
public abstract class AbstractLayer implements Layer {
    private String name;
    private long[] inputShape;
    private long[] outputShape;
    private final List<WeightVariable<TFloat32>> variables = new ArrayList<>();

    /**
     * @param name the layer's name, or null to let the model name it
     * @throws IllegalArgumentException if the name is not flat (variable names derive from it)
     */
    protected AbstractLayer(String name) {
        if (name != null && !ConfigReader.isFlatName(name)) {
            throw new IllegalArgumentException(
                    "layer name '" + name + "' must be flat: letters, digits, '_', '.', '-'");
        }
        this.name = name;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when neither the constructor nor a model has named it yet
     */
    @Override
    public String name() {
        if (name == null) {
            throw new IllegalStateException(
                    "this " + type() + " layer has no name yet: give it one or add it to a model");
        }
        return name;
    }

    /** Whether the layer has a name yet. */
    public boolean hasName() {
        return name != null;
    }

    /** Called by the model for a layer created without a name. */
    void assignName(String newName) {
        if (name != null) {
            throw new IllegalStateException("layer already named '" + name + "'");
        }
        name = requireNonNull(newName, "newName is null");
    }

    @Override
    public final long[] build(GraphContext graph, long[] inputShape) {
        requireNonNull(graph, "graph is null");
        requireNonNull(inputShape, "inputShape is null");
        if (outputShape != null) {
            throw new IllegalStateException(
                    "layer '" + name() + "' is already built; a layer belongs to one model");
        }
        this.inputShape = inputShape.clone();
        this.outputShape = doBuild(graph, inputShape.clone()).clone();
        return outputShape.clone();
    }

    /** Creates the variables for {@code inputShape} and returns the output shape. */
    protected abstract long[] doBuild(GraphContext graph, long[] inputShape);

    /** The input shape without the batch dimension (after {@link #build}). */
    public long[] inputShape() {
        return requireBuilt(inputShape).clone();
    }

    /** The output shape without the batch dimension (after {@link #build}). */
    public long[] outputShape() {
        return requireBuilt(outputShape).clone();
    }

    /** Whether {@link #build} has run. */
    public boolean isBuilt() {
        return outputShape != null;
    }

    private long[] requireBuilt(long[] shape) {
        if (shape == null) {
            throw new IllegalStateException("layer '" + name() + "' is not built yet");
        }
        return shape;
    }

    /** Creates {@code <name>_<suffix>} in the graph and records it in {@link #variables()}. */
    protected WeightVariable<TFloat32> addVariable(
            GraphContext graph, String suffix, Operand<TFloat32> initialValue, boolean trainable) {
        WeightVariable<TFloat32> v = graph.variable(name() + "_" + suffix, initialValue, trainable);
        variables.add(v);
        return v;
    }

    @Override
    public List<WeightVariable<TFloat32>> variables() {
        return List.copyOf(variables);
    }

    /** A config map starting with {@code type} and (when named) {@code name}. */
    protected Map<String, Object> baseConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type());
        if (name != null) {
            m.put("name", name);
        }
        return m;
    }

    /** Throws unless a built input of known rank 1 ({@code [features]}) arrives. */
    protected void requireFlatInput(long[] shape) {
        if (shape.length != 1 || shape[0] <= 0) {
            throw new IllegalArgumentException(
                    type()
                            + " layer '"
                            + name()
                            + "' needs a flat input shape [features], got "
                            + Arrays.toString(shape));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((Layer) o).config().equals(config());
    }

    @Override
    public int hashCode() {
        return config().hashCode();
    }

    @Override
    public String toString() {
        return config().toString();
    }
}
