package io.dlkit.plugins.detector.methods;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.nn.ConvolutionalizedDense;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.plugins.detector.ObjectDetector;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.boxes.NonMaxSuppression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@code --method sliding-window}: the notes' convolutional sliding window (OverFeat). The trained
 * classifier's dense layers become convolutions ({@link ConvolutionalizedDense}), so one pass over
 * a whole image scores every window at once: output cell {@code (i, j)} is the classifier on the
 * window at {@code (i * stride, j * stride)}, {@code stride} being its pooling stride. The image is
 * run at several scales ({@code window / object size} for object sizes from {@code minObject} to
 * {@code maxObject} pixels), each window scored by its best object class, then threshold and
 * non-max suppression. A window's score equals the classifier's on that window cut out when the
 * classifier's convolutions use valid padding (same padding sees the image around the window). One
 * fully convolutional graph per input size, built on first use (the graphs live as long as the
 * process: a detect run).
 */
public final class SlidingWindowDetector implements ObjectDetector {
    private final ClassifierModel classifier;
    private final GraphContext g;
    private final GraphContext trained;
    private final Sequential source;
    private final double[] scales;
    private final Map<String, Built> nets = new HashMap<>();

    private record Built(
            GraphContext graph, Placeholder<TFloat32> input, Operand<TFloat32> output) {}

    /**
     * @param objectSizes the object sides in pixels to look for (one scale each)
     */
    public SlidingWindowDetector(GraphContext g, ClassifierModel classifier, int[] objectSizes) {
        this.g = g;
        this.classifier = classifier;
        this.trained = GraphContext.create(DeviceRequest.CPU, 1, 0);
        this.source = classifier.build(trained).model();
        this.scales = new double[objectSizes.length];
        for (int i = 0; i < objectSizes.length; i++)
            scales[i] = classifier.window() / (double) objectSizes[i];
    }

    @Override
    public List<String> classNames() {
        return classifier.objectClasses();
    }

    @Override
    public List<Detection> detect(Image image, NmsOptions options) {
        Image rgb = Images.convert(image, 3);
        int s = classifier.window();
        int classes = classifier.classNames().size();
        List<Detection> candidates = new ArrayList<>();
        for (double scale : scales) {
            int w = Math.max(s, (int) Math.round(rgb.width() * scale));
            int h = Math.max(s, (int) Math.round(rgb.height() * scale));
            Built net = net(h, w);
            float[] probs;
            try (TFloat32 t = Tensors.floats(Images.resize(rgb, h, w).data(), 1, h, w, 3);
                    Result r =
                            net.graph()
                                    .session()
                                    .runner()
                                    .feed(net.input(), t)
                                    .fetch(net.output())
                                    .run()) {
                probs = Tensors.toFloats(r.get(0));
            }
            long[] shape = net.output().shape().asArray();
            int gh = (int) shape[1];
            int gw = (int) shape[2];
            double sy = gh > 1 ? (h - s) / (double) (gh - 1) : 0;
            double sx = gw > 1 ? (w - s) / (double) (gw - 1) : 0;
            double fx = rgb.width() / (double) w;
            double fy = rgb.height() / (double) h;
            for (int i = 0; i < gh; i++) {
                for (int j = 0; j < gw; j++) {
                    float[] best = classifier.best(probs, (i * gw + j) * classes);
                    if (best[1] < options.scoreThreshold()) continue;
                    double x1 = j * sx;
                    double y1 = i * sy;
                    BoundingBox b =
                            new BoundingBox(
                                    (float) (x1 * fx),
                                    (float) (y1 * fy),
                                    (float) ((x1 + s) * fx),
                                    (float) ((y1 + s) * fy));
                    candidates.add(
                            new Detection(
                                    b.clip(rgb.width(), rgb.height()), (int) best[0], best[1]));
                }
            }
        }
        return NonMaxSuppression.apply(candidates, options);
    }

    private Built net(int h, int w) {
        Built b = nets.get(h + "x" + w);
        if (b != null) return b;
        // one graph per input size: the converted layers keep the classifier's variable names
        GraphContext graph = GraphContext.create(DeviceRequest.CPU, 0, g.seed());
        Sequential fcn = ConvolutionalizedDense.convert(source, h, w, 3);
        Placeholder<TFloat32> x =
                graph.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, h, w, 3)));
        Operand<TFloat32> out = fcn.forward(graph, x, graph.tf().constant(false)).output();
        ConvolutionalizedDense.copyWeights(trained, graph, fcn.variables());
        b = new Built(graph, x, out);
        nets.put(h + "x" + w, b);
        return b;
    }
}
