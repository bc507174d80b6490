package io.dlkit.plugins.detector.yolo;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.plugins.detector.ObjectDetector;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.boxes.NonMaxSuppression;
import java.util.ArrayList;
import java.util.List;

/**
 * A YOLO model as a detector: the image stretched to the square input (bilinear, RGB in [0, 1]),
 * the forward pass, {@link YoloDecoder}, {@link NonMaxSuppression}, boxes mapped back to the
 * image's pixels.
 */
public final class YoloDetector implements ObjectDetector {
    private final YoloRunner runner;
    private final YoloDecoder decoder;

    /** A detector running {@code runner}. */
    public YoloDetector(YoloRunner runner) {
        this.runner = requireNonNull(runner, "runner is null");
        this.decoder = runner.model().decoder();
    }

    @Override
    public List<String> classNames() {
        return runner.model().classNames();
    }

    @Override
    public List<Detection> detect(Image image, NmsOptions options) {
        int size = runner.model().inputSize();
        Image rgb = Images.convert(image, 3);
        float[] out = runner.run(input(rgb, size), 1);
        return decode(out, 0, rgb.width(), rgb.height(), options);
    }

    /** The network input of an RGB image: stretched to {@code size x size}. */
    public static float[] input(Image rgb, int size) {
        return rgb.width() == size && rgb.height() == size
                ? rgb.data()
                : Images.resize(rgb, size, size).data();
    }

    /**
     * The detections of image {@code index} of a batch output, in the pixels of a {@code width x
     * height} image.
     */
    public List<Detection> decode(
            float[] out, int index, int width, int height, NmsOptions options) {
        List<Detection> candidates =
                decoder.decode(out, index * decoder.outputSize(), options.scoreThreshold());
        List<Detection> kept = NonMaxSuppression.apply(candidates, options);
        ImageMapping mapping = ImageMapping.stretch(width, height, 1, 1);
        List<Detection> result = new ArrayList<>(kept.size());
        for (Detection d : kept) {
            var box = mapping.toOriginal(d.box());
            if (box.area() > 0) result.add(new Detection(box, d.classId(), d.score()));
        }
        return result;
    }

    /** The runner. */
    public YoloRunner runner() {
        return runner;
    }
}
