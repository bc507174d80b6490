package io.dlkit.plugins.detector.boxes;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.NonMaxSuppression;
import org.tensorflow.types.TFloat32;

/** The plain-Java NMS keeps the same indices as TensorFlow's {@code NonMaxSuppressionV5} op. */
class NmsAgainstTensorFlowTest {

    @ParameterizedTest(name = "seed {0}: {1} boxes, iou {2}, score {3}, max {4}")
    @CsvSource({
        "1, 200, 0.5, 0.1, 50",
        "2, 500, 0.3, 0.0, 500",
        "3, 300, 0.7, 0.5, 20",
        "4, 1000, 0.45, 0.25, 300",
    })
    void should_keep_the_same_indices_as_tensorflow_on_random_boxes(
            long seed, int n, float iou, float score, int max) {
        // given: random boxes of random sizes clustered enough to overlap often
        Random random = new Random(seed);
        float[] corners = new float[4 * n];
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            float x = random.nextFloat() * 100;
            float y = random.nextFloat() * 100;
            corners[4 * i] = x;
            corners[4 * i + 1] = y;
            corners[4 * i + 2] = x + 5 + random.nextFloat() * 30;
            corners[4 * i + 3] = y + 5 + random.nextFloat() * 30;
            scores[i] = random.nextFloat();
        }
        // when
        int[] ours =
                io.dlkit.plugins.detector.boxes.NonMaxSuppression.select(
                        corners, scores, score, iou, max);
        int[] theirs = tensorflow(corners, scores, score, iou, max);
        // then
        assertThat(ours).hasSizeGreaterThan(5).containsExactly(theirs);
    }

    @Test
    void should_agree_with_tensorflow_that_an_iou_equal_to_the_threshold_is_not_suppressed() {
        // (0,0,2,1) and (0,0,1,1): IoU exactly 0.5
        float[] corners = {0, 0, 2, 1, 0, 0, 1, 1};
        float[] scores = {0.9f, 0.8f};
        int[] theirs = tensorflow(corners, scores, 0f, 0.5f, 10);
        assertThat(theirs).containsExactly(0, 1);
        assertThat(
                        io.dlkit.plugins.detector.boxes.NonMaxSuppression.select(
                                corners, scores, 0f, 0.5f, 10))
                .containsExactly(theirs);
    }

    /** TensorFlow's op; it takes boxes as (y1, x1, y2, x2) and keeps scores above the threshold. */
    private static int[] tensorflow(
            float[] corners, float[] scores, float score, float iou, int max) {
        int n = scores.length;
        float[] yx = new float[4 * n];
        for (int i = 0; i < n; i++) {
            yx[4 * i] = corners[4 * i + 1];
            yx[4 * i + 1] = corners[4 * i];
            yx[4 * i + 2] = corners[4 * i + 3];
            yx[4 * i + 3] = corners[4 * i + 2];
        }
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            Ops tf = g.tf();
            NonMaxSuppression<TFloat32> nms =
                    tf.image.nonMaxSuppression(
                            tf.constant(Shape.of(n, 4), DataBuffers.of(yx)),
                            tf.constant(Shape.of(n), DataBuffers.of(scores)),
                            tf.constant(max),
                            tf.constant(iou),
                            // the op keeps score > threshold, ours score >= threshold: random
                            // scores never equal it; nudge down so an exact 0 still counts
                            tf.constant(Math.nextDown(score)),
                            tf.constant(0f));
            try (Result r = g.session().runner().fetch(nms.selectedIndices()).run()) {
                return Tensors.toInts(r.get(0));
            }
        }
    }
}
