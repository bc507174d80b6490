package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.testkit.SharedData;
import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model cache ({@code DLKIT_MODELS}) holding face-api's four nets, seeded once per test run with
 * {@code dlkit models import} from ../shared/data/models/face-api, and the environment that points
 * dlkit at it with fetching off.
 */
final class FaceModels {
    private static final Path CACHE = Path.of("target/face-models-cache").toAbsolutePath();
    private static boolean seeded;

    private FaceModels() {}

    /** DLKIT_MODELS at the seeded cache and DLKIT_OFFLINE=1. */
    static synchronized Map<String, String> env() {
        if (!seeded) {
            Result r =
                    DlkitProcess.runIn(
                            DlkitProcess.ROOT,
                            Map.of("DLKIT_MODELS", CACHE.toString()),
                            "models",
                            "import",
                            SharedData.require("data/models/face-api").toString(),
                            "--name",
                            "tiny_face_detector",
                            "--name",
                            "ssd_mobilenetv1",
                            "--name",
                            "face_landmark_68",
                            "--name",
                            "face_recognition");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            seeded = true;
        }
        return Map.of("DLKIT_MODELS", CACHE.toString(), "DLKIT_OFFLINE", "1");
    }
}
