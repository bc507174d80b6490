package io.dlkit.plugins.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.plugins.face.detect.FaceBox;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The tiny face detector against face-api's own tiny detections (inputSize 416, threshold 0.5) on
 * the sample photos (test resource written by make_tiny.cjs): same faces, IoU >= 0.99, same scores.
 */
class TinyParityTest {
    @Test
    void should_find_the_faces_face_apis_tiny_detector_finds() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("face-api-tiny-samples1-3.json")) {
            root = new ObjectMapper().readTree(in);
        }
        try (FaceAnalyzer analyzer =
                new FaceAnalyzer(new ModelFolder(FaceApiReference.models()), 2)
                        .useTinyDetector(416)) {
            for (String name : List.of("sample1.jpg", "sample2.jpg", "sample3.jpg")) {
                FaceImage image = FaceImage.read(FaceApiReference.image(name));
                List<FaceBox> found = analyzer.detect(image, 0.5);
                JsonNode refs = root.get(name);
                assertThat(found).as(name).hasSize(refs.size());
                for (int i = 0; i < refs.size(); i++) {
                    JsonNode b = refs.get(i).get("box");
                    FaceBox ref =
                            new FaceBox(
                                    b.get("_x").asDouble(),
                                    b.get("_y").asDouble(),
                                    b.get("_width").asDouble(),
                                    b.get("_height").asDouble(),
                                    refs.get(i).get("score").asDouble());
                    double iou = found.get(i).iou(ref);
                    System.out.printf(
                            Locale.ROOT,
                            "%s tiny face %d: IoU %.6f score %.5f vs %.5f%n",
                            name,
                            i + 1,
                            iou,
                            found.get(i).score(),
                            ref.score());
                    assertThat(iou).isGreaterThanOrEqualTo(0.99);
                    assertThat(found.get(i).score()).isCloseTo(ref.score(), within(1e-3));
                }
            }
        }
    }
}
