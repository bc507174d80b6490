package io.dlkit.plugins.nst;

import io.dlkit.backend.runtime.GraphContext;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The total cost {@code J = alpha J_content + beta sum_l lambda_l J_style^[l] + tv TV(G)} built on
 * a loss network, with its gradient with respect to the pixels. The targets (the content image's
 * activations, the style images' Gram matrices) are placeholders fed on each run.
 */
final class StyleGraph {
    final LossNetwork net;
    final Operand<TFloat32> contentActivation;
    final List<Operand<TFloat32>> styleGrams = new ArrayList<>();
    final Placeholder<TFloat32> contentTarget;
    final List<Placeholder<TFloat32>> gramTargets = new ArrayList<>();
    final Operand<TFloat32> contentCost;
    final Operand<TFloat32> styleCost;
    final Operand<TFloat32> total;
    final Output<TFloat32> gradient;

    StyleGraph(GraphContext g, LossNetwork net, StyleSettings s) {
        this.net = net;
        Ops tf = g.tf().withSubScope("nst_cost");
        String contentLayer = s.contentLayer() == null ? net.defaultContent() : s.contentLayer();
        List<String> styleLayers = s.styleLayers().isEmpty() ? net.defaultStyle() : s.styleLayers();
        contentActivation = net.layer(contentLayer);
        styleLayers.forEach(net::layer); // every name checked before anything is built
        contentTarget =
                tf.placeholder(TFloat32.class, Placeholder.shape(contentActivation.shape()));
        contentCost = StyleCosts.content(tf, contentTarget, contentActivation);
        Operand<TFloat32> style = tf.constant(0f);
        float lambda = 1f / styleLayers.size();
        for (String layer : styleLayers) {
            Operand<TFloat32> a = net.layer(layer);
            long nC = a.shape().size(3);
            styleGrams.add(StyleCosts.gram(tf, a));
            Placeholder<TFloat32> target =
                    tf.placeholder(
                            TFloat32.class,
                            Placeholder.shape(org.tensorflow.ndarray.Shape.of(nC, nC)));
            gramTargets.add(target);
            style =
                    tf.math.add(
                            style,
                            tf.math.mul(tf.constant(lambda), StyleCosts.styleLayer(tf, target, a)));
        }
        styleCost = style;
        Operand<TFloat32> j =
                tf.math.add(
                        tf.math.mul(tf.constant(s.contentWeight()), contentCost),
                        tf.math.mul(tf.constant(s.styleWeight()), styleCost));
        if (s.tvWeight() > 0) {
            j =
                    tf.math.add(
                            j,
                            tf.math.mul(
                                    tf.constant(s.tvWeight()),
                                    StyleCosts.totalVariation(tf, net.pixels())));
        }
        total = j;
        gradient = g.tf().gradients(total, List.of(net.pixels())).dy(0);
    }
}
