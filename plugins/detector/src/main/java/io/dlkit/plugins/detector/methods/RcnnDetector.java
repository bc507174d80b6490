package io.dlkit.plugins.detector.methods;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.plugins.detector.ObjectDetector;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.boxes.NonMaxSuppression;
import io.dlkit.plugins.detector.proposals.GraphSegmentation;
import io.dlkit.plugins.detector.proposals.SelectiveSearch;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * {@code --method rcnn}: the notes' R-CNN without its box regression: selective-search proposals
 * (Felzenszwalb-Huttenlocher segments grouped by similarity), each cropped, resized to the
 * classifier's window and classified; a proposal's score is the probability of its best object
 * class, then the usual threshold and non-max suppression.
 */
public final class RcnnDetector implements ObjectDetector {
    private static final int BATCH = 64;
    private final ClassifierModel classifier;
    private final ClassifierModel.Built net;
    private final GraphContext g;
    private final SelectiveSearch search;

    /**
     * Builds the classifier in {@code g}; proposals from segmentation with {@code k}, {@code
     * minSize}.
     */
    public RcnnDetector(GraphContext g, ClassifierModel classifier, double k, int minSize) {
        this.g = g;
        this.classifier = classifier;
        this.net = classifier.build(g);
        this.search = new SelectiveSearch(new GraphSegmentation(k, minSize));
    }

    @Override
    public List<String> classNames() {
        return classifier.objectClasses();
    }

    /** The proposals of an image (pixels), as {@code detect proposals} draws them. */
    public List<BoundingBox> proposals(Image rgb) {
        List<BoundingBox> out = new ArrayList<>();
        for (BoundingBox b : search.propose(rgb)) {
            if (b.width() >= 4
                    && b.height() >= 4
                    && b.width() < 4 * b.height()
                    && b.height() < 4 * b.width()) out.add(b);
        }
        return out;
    }

    @Override
    public List<Detection> detect(Image image, NmsOptions options) {
        Image rgb = Images.convert(image, 3);
        List<BoundingBox> boxes = proposals(rgb);
        int s = classifier.window();
        List<Detection> candidates = new ArrayList<>();
        for (int from = 0; from < boxes.size(); from += BATCH) {
            int n = Math.min(BATCH, boxes.size() - from);
            float[] x = new float[n * s * s * 3];
            for (int k = 0; k < n; k++) {
                BoundingBox b = boxes.get(from + k);
                float[] c =
                        ClassifierModel.crop(
                                rgb,
                                Math.round(b.x1()),
                                Math.round(b.y1()),
                                Math.round(b.x2()),
                                Math.round(b.y2()),
                                s);
                System.arraycopy(c, 0, x, k * c.length, c.length);
            }
            float[] probs;
            try (TFloat32 t = Tensors.floats(x, n, s, s, 3);
                    Result r =
                            g.session().runner().feed(net.input(), t).fetch(net.output()).run()) {
                probs = Tensors.toFloats(r.get(0));
            }
            int classes = classifier.classNames().size();
            for (int k = 0; k < n; k++) {
                float[] best = classifier.best(probs, k * classes);
                if (best[1] >= options.scoreThreshold())
                    candidates.add(new Detection(boxes.get(from + k), (int) best[0], best[1]));
            }
        }
        return NonMaxSuppression.apply(candidates, options);
    }
}
