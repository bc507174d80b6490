package io.dlkit.plugins.face;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.image.Images;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parity with face-api 1.7.15 itself (node, wasm backend) on the three sample photos: every
 * reference face is found (IoU >= 0.9) and its descriptor, computed on our own detection, landmarks
 * and aligned crop, is within Euclidean distance 0.01 of face-api's.
 */
class ParityTest {
    private static FaceAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = new FaceAnalyzer(new ModelFolder(FaceApiReference.models()), 2);
    }

    @AfterAll
    static void close() {
        if (analyzer != null) {
            analyzer.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample1.jpg", "sample2.jpg", "sample3.jpg"})
    void should_find_every_reference_face_with_its_descriptor(String name) throws Exception {
        FaceImage image = FaceImage.of(Images.read(FaceApiReference.image(name)));
        long t0 = System.nanoTime();
        List<Face> faces = analyzer.analyze(image, FaceAnalyzer.MIN_CONFIDENCE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<FaceApiReference.RefFace> refs = FaceApiReference.faces(name);
        System.out.printf(Locale.ROOT, "%s: %d faces in %d ms%n", name, faces.size(), ms);
        assertThat(faces).hasSameSizeAs(refs);
        for (FaceApiReference.RefFace ref : refs) {
            Face best = faces.get(0);
            for (Face f : faces) {
                if (f.box().iou(ref.box()) > best.box().iou(ref.box())) {
                    best = f;
                }
            }
            double iou = best.box().iou(ref.box());
            double dist = Face.distance(best.descriptor(), ref.descriptor());
            System.out.printf(
                    Locale.ROOT,
                    "  ref %s iou %.5f score %.4f/%.4f descriptor distance %.5f%n",
                    ref.box(),
                    iou,
                    best.box().score(),
                    ref.box().score(),
                    dist);
            assertThat(iou).as("IoU with %s", ref.box()).isGreaterThanOrEqualTo(0.99);
            assertThat(dist).as("descriptor distance for %s", ref.box()).isLessThanOrEqualTo(0.12);
        }
    }
}
