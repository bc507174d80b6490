package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.WeightVariable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * A layer made of sub-layers ({@link ResidualBlock}, {@link InceptionBlock}). Each sub-layer is
 * registered under a short key and named {@code <block>_<key>} once the block has a name, so its
 * variables are {@code <block>_<key>_kernel}, {@code <block>_<key>_gamma}, ...: flat names, one
 * checkpoint namespace. The block's {@link #variables()}, {@link #trainingUpdates()}, {@link
 * #regularizedWeights()} and {@link #flops()} are its sub-layers' together (plus {@link
 * #ownFlops()}); intermediate results recorded during {@link #call} are read back with {@link
 * #output(String)}.
 */
public abstract class BlockLayer extends AbstractLayer {
    private final Map<String, AbstractLayer> subLayers = new LinkedHashMap<>();
    private final Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
    private final List<String> outputKeys;

    /**
     * @param name the block's name, or null to let the model name it
     * @param outputKeys the keys {@link #output(String)} accepts, in a fixed order
     */
    protected BlockLayer(String name, List<String> outputKeys) {
        super(name);
        this.outputKeys = List.copyOf(outputKeys);
    }

    /** Registers an unnamed {@code layer} under {@code key}; it is named {@code <block>_<key>}. */
    protected final <L extends AbstractLayer> L addSubLayer(String key, L layer) {
        requireNonNull(layer, "layer is null");
        if (subLayers.putIfAbsent(key, layer) != null) {
            throw new IllegalArgumentException("duplicate sub-layer key '" + key + "'");
        }
        if (hasName()) {
            layer.assignName(name() + "_" + key);
        }
        return layer;
    }

    @Override
    void assignName(String newName) {
        super.assignName(newName);
        subLayers.forEach((key, layer) -> layer.assignName(newName + "_" + key));
    }

    /** The sub-layers by key, in registration order. */
    public Map<String, Layer> subLayers() {
        return Collections.unmodifiableMap(subLayers);
    }

    /** Records an intermediate result under one of the output keys; call from {@link #call}. */
    protected final Operand<TFloat32> record(String key, Operand<TFloat32> value) {
        if (!outputKeys.contains(key)) {
            throw new IllegalStateException("undeclared output key '" + key + "'");
        }
        outputs.put(key, value);
        return value;
    }

    /**
     * An intermediate result of the block, e.g. a residual block's {@code shortcut} or an inception
     * block's {@code 3x3} branch, shaped {@code [m, H, W, C]} (valid after {@link #call}).
     *
     * @throws IllegalArgumentException for a key outside {@link #outputKeys()}
     * @throws IllegalStateException before {@link #call}
     */
    public Operand<TFloat32> output(String key) {
        if (!outputKeys.contains(key)) {
            throw new IllegalArgumentException(
                    type()
                            + " layer '"
                            + name()
                            + "' has no output '"
                            + key
                            + "'; valid: "
                            + String.join(", ", outputKeys));
        }
        Operand<TFloat32> value = outputs.get(key);
        if (value == null) {
            throw new IllegalStateException("layer '" + name() + "' has not been called yet");
        }
        return value;
    }

    /** The keys {@link #output(String)} accepts. */
    public List<String> outputKeys() {
        return outputKeys;
    }

    /** The sub-layers' variables, in registration order. */
    @Override
    public List<WeightVariable<TFloat32>> variables() {
        return gather(Layer::variables);
    }

    @Override
    public List<Op> trainingUpdates() {
        return gather(Layer::trainingUpdates);
    }

    @Override
    public List<WeightVariable<TFloat32>> regularizedWeights() {
        return gather(Layer::regularizedWeights);
    }

    /** The sub-layers' FLOPs plus {@link #ownFlops()}. */
    @Override
    public long flops() {
        return subLayers.values().stream().mapToLong(Layer::flops).sum() + ownFlops();
    }

    /** FLOPs of the block's own ops (additions that join branches); 0 by default. */
    protected long ownFlops() {
        return 0;
    }

    private <T> List<T> gather(Function<Layer, List<T>> part) {
        return subLayers.values().stream()
                .filter(AbstractLayer::isBuilt)
                .flatMap(l -> part.apply(l).stream())
                .toList();
    }
}
