package io.dlkit.plugins.face;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.plugins.face.detect.FaceBox;
import io.dlkit.plugins.face.landmarks.Landmarks68;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parity with face-api 1.7.15 itself (node, wasm backend, jpeg-js) on the three sample photos:
 * every reference face is found (IoU >= 0.99, score within 0.001), its 68 landmarks are within 2 px
 * of face-api's and its aligned crop is the same, and its descriptor, computed on our own
 * detection, landmarks and aligned crop, is within Euclidean distance 0.01 of face-api's.
 * (Measured: IoU 1.00000, landmarks and descriptors equal to the printed precision.)
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
    void should_find_every_reference_face_with_its_landmarks_and_descriptor(String name)
            throws Exception {
        FaceImage image = FaceImage.read(FaceApiReference.image(name));
        long t0 = System.nanoTime();
        List<Face> faces = analyzer.analyze(image, FaceAnalyzer.MIN_CONFIDENCE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "%s: %d faces in %d ms%n", name, faces.size(), ms);
        List<FaceApiReference.RefFace> refs = FaceApiReference.faces(name);
        List<FaceApiReference.RefLandmarks> refPoints = FaceApiReference.landmarks(name);
        assertThat(faces).hasSameSizeAs(refs);
        for (int r = 0; r < refs.size(); r++) {
            FaceApiReference.RefFace ref = refs.get(r);
            Face face = nearest(faces, ref.box());
            double iou = face.box().iou(ref.box());
            double px = maxPointError(face.landmarks(), refPoints.get(r).xy());
            double dist = Face.distance(face.descriptor(), ref.descriptor());
            System.out.printf(
                    Locale.ROOT,
                    "  face %d: IoU %.6f, score %.5f vs %.5f, landmarks max %.5f px,"
                            + " descriptor distance %.2e%n",
                    r + 1,
                    iou,
                    face.box().score(),
                    ref.box().score(),
                    px,
                    dist);
            assertThat(iou).as("IoU with %s", ref.box()).isGreaterThanOrEqualTo(0.99);
            assertThat(face.box().score())
                    .isCloseTo(ref.box().score(), org.assertj.core.data.Offset.offset(1e-3));
            assertThat(px).as("landmark error, face %d", r + 1).isLessThanOrEqualTo(2.0);
            assertThat(face.alignedBox()).containsExactly(refPoints.get(r).aligned());
            assertThat(dist).as("descriptor distance, face %d", r + 1).isLessThanOrEqualTo(0.01);
        }
    }

    private static Face nearest(List<Face> faces, FaceBox box) {
        Face best = faces.get(0);
        for (Face f : faces) {
            if (f.box().iou(box) > best.box().iou(box)) {
                best = f;
            }
        }
        return best;
    }

    private static double maxPointError(Landmarks68 points, double[] ref) {
        double max = 0;
        for (int i = 0; i < 68; i++) {
            max = Math.max(max, Math.hypot(points.x(i) - ref[2 * i], points.y(i) - ref[2 * i + 1]));
        }
        return max;
    }
}
