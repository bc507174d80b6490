package io.dlkit.plugins.cnnzoo.keras;

import io.dlkit.backend.nn.BatchNormLayer;
import io.dlkit.backend.nn.Conv2DLayer;
import io.dlkit.backend.nn.DenseLayer;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.nn.ResidualBlock;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.plugins.cnnzoo.keras.KerasLayer.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Keras model a dlkit model corresponds to, layer by layer, named as {@code keras.applications}
 * names it (the zoo's architectures already use those names):
 *
 * <ul>
 *   <li>a {@code conv2d} or {@code dense} layer {@code X} is the Keras {@code Conv2D}/{@code Dense}
 *       {@code X}; with {@code batch_norm: true} the Keras {@code BatchNormalization} after it is
 *       {@code X_bn}, or {@code P_bn} when {@code X} is {@code P_conv} (Keras's default epsilon);
 *   <li>a {@code batch_norm} layer {@code X} is the Keras {@code BatchNormalization} {@code X},
 *       with the epsilon of the dlkit layer;
 *   <li>a {@code residual_block} {@code P_out} is Keras ResNet's block {@code P}: sub-layers {@code
 *       conv1..3} are {@code P_1_conv} + {@code P_1_bn} ... {@code P_3_conv} + {@code P_3_bn}, the
 *       {@code shortcut} is {@code P_0_conv} + {@code P_0_bn}, with ResNet's epsilon 1.001e-5.
 * </ul>
 *
 * <p>The order is Keras's {@code model.layers} order, which Keras 3 files need to number layers by
 * class: a functional model lists its layers by decreasing depth from the output, ties in
 * depth-first order from the output, taking an {@code Add}'s inputs in order. In a ResNet block
 * ({@code Add()([shortcut, x])}) that gives {@code 1_conv, 1_bn, 2_conv, 2_bn, 0_conv, 3_conv,
 * 0_bn, 3_bn}.
 */
final class KerasModels {
    /** The epsilon of every batch norm in {@code keras.applications.ResNet50}. */
    static final double RESNET_EPSILON = 1.001e-5;

    /** Keras's default batch-norm epsilon. */
    static final double KERAS_EPSILON = 1e-3;

    /**
     * One dlkit layer with weights and the Keras layers that hold them.
     *
     * @param prefix the dlkit variables' prefix: {@code <prefix>_kernel}, {@code <prefix>_gamma}
     *     ...
     * @param weights the Keras {@code Conv2D} or {@code Dense}, or null for a lone batch norm
     * @param norm the Keras {@code BatchNormalization}, or null
     * @param kerasEpsilon the epsilon Keras normalises with
     * @param dlkitEpsilon the epsilon the dlkit layer normalises with
     */
    record Unit(
            String prefix,
            KerasLayer weights,
            KerasLayer norm,
            double kerasEpsilon,
            double dlkitEpsilon) {}

    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private final List<Unit> units = new ArrayList<>();

    private KerasModels() {}

    /**
     * The units of {@code model}, in Keras layer order.
     *
     * @throws IllegalArgumentException for a layer with weights that has no Keras counterpart here
     *     (an inception block)
     */
    static List<Unit> units(Sequential model) {
        KerasModels m = new KerasModels();
        for (Layer layer : model.layers()) {
            if (!layer.variables().isEmpty()) {
                m.add(layer);
            }
        }
        return List.copyOf(m.units);
    }

    private void add(Layer layer) {
        if (layer instanceof ResidualBlock block) {
            residual(block);
        } else if (layer instanceof Conv2DLayer conv) {
            withNorm(conv.name(), Kind.CONV2D, conv.batchNorm(), bnEpsilon(conv));
        } else if (layer instanceof DenseLayer dense) {
            withNorm(dense.name(), Kind.DENSE, dense.batchNorm(), bnEpsilon(dense));
        } else if (layer instanceof BatchNormLayer norm) {
            KerasLayer keras = layer(norm.name(), Kind.BATCH_NORMALIZATION);
            units.add(new Unit(norm.name(), null, keras, norm.epsilon(), norm.epsilon()));
        } else {
            throw new IllegalArgumentException(
                    layer.type()
                            + " layer '"
                            + layer.name()
                            + "' has weights but no Keras counterpart; import-keras maps conv2d,"
                            + " dense, batch_norm and residual_block layers");
        }
    }

    /** The epsilon of the batch norm inside a conv, dense or residual layer. */
    private static double bnEpsilon(Layer layer) {
        return layer.config().get("bn_epsilon") instanceof Number n
                ? n.doubleValue()
                : BatchNormLayer.DEFAULT_EPSILON;
    }

    private void withNorm(String name, Kind kind, boolean batchNorm, double dlkitEpsilon) {
        KerasLayer weights = layer(name, kind);
        KerasLayer norm = null;
        if (batchNorm) {
            String p = name.endsWith("_conv") ? name.substring(0, name.length() - 5) : name;
            norm = layer(p + "_bn", Kind.BATCH_NORMALIZATION);
        }
        units.add(new Unit(name, weights, norm, KERAS_EPSILON, dlkitEpsilon));
    }

    private void residual(ResidualBlock block) {
        String name = block.name();
        double eps = bnEpsilon(block);
        String p = name.endsWith("_out") ? name.substring(0, name.length() - 4) : name;
        int convs = block.filters().length;
        for (int i = 1; i < convs; i++) {
            KerasLayer conv = layer(p + "_" + i + "_conv", Kind.CONV2D);
            KerasLayer norm = layer(p + "_" + i + "_bn", Kind.BATCH_NORMALIZATION);
            residualUnit(name + "_conv" + i, conv, norm, eps);
        }
        String last = p + "_" + convs;
        if (block.isConvolutional()) {
            KerasLayer shortcutConv = layer(p + "_0_conv", Kind.CONV2D);
            KerasLayer lastConv = layer(last + "_conv", Kind.CONV2D);
            KerasLayer shortcutNorm = layer(p + "_0_bn", Kind.BATCH_NORMALIZATION);
            KerasLayer lastNorm = layer(last + "_bn", Kind.BATCH_NORMALIZATION);
            residualUnit(name + "_shortcut", shortcutConv, shortcutNorm, eps);
            residualUnit(name + "_conv" + convs, lastConv, lastNorm, eps);
        } else {
            KerasLayer lastConv = layer(last + "_conv", Kind.CONV2D);
            KerasLayer lastNorm = layer(last + "_bn", Kind.BATCH_NORMALIZATION);
            residualUnit(name + "_conv" + convs, lastConv, lastNorm, eps);
        }
    }

    private void residualUnit(String prefix, KerasLayer conv, KerasLayer norm, double eps) {
        units.add(new Unit(prefix, conv, norm, RESNET_EPSILON, eps));
    }

    /** The next Keras layer of {@code kind}: {@code conv2d}, then {@code conv2d_1}, ... */
    private KerasLayer layer(String name, Kind kind) {
        int n = counts.merge(kind, 1, Integer::sum) - 1;
        return new KerasLayer(name, kind, n == 0 ? kind.snakeCase() : kind.snakeCase() + "_" + n);
    }
}
