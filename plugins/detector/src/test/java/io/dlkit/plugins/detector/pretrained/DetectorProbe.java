package io.dlkit.plugins.detector.pretrained;

import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.GraphModel;
import io.dlkit.backend.tfjs.GraphModelFile;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import java.nio.file.Path;

/** By hand, not a test: {@code DetectorProbe MODEL.json IMAGE...} prints the detections. */
public final class DetectorProbe {
    public static void main(String[] args) throws Exception {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 0, 42)) {
            GraphModel m = GraphModel.load(g, GraphModelFile.read(Path.of(args[0])));
            GraphDetector d = GraphDetector.of(m, args[0]);
            for (int i = 1; i < args.length; i++) {
                var img = Images.read(Path.of(args[i]), 3);
                System.out.println(args[i] + " " + d.kind());
                for (Detection x : d.detect(img, NmsOptions.DEFAULTS.withScoreThreshold(0.2f))) {
                    System.out.printf(
                            "  %-12s %.3f %s%n",
                            CocoNames.all().get(x.classId()), x.score(), x.box());
                }
            }
            if (d.kind() == GraphDetector.Kind.NANODET) {
                var out =
                        m.run(
                                java.util.Map.of(
                                        m.inputs().get(0).name(),
                                        NdArray.of(new float[3 * 416 * 416], 1, 3, 416, 416)));
                out.forEach(
                        (k, v) -> {
                            float[] f = v.floats();
                            float s = 0;
                            float mn = 1e9f, mx = -1e9f;
                            for (int j = 0; j < 11; j++) s += f[j];
                            for (float z : f) {
                                mn = Math.min(mn, z);
                                mx = Math.max(mx, z);
                            }
                            System.out.println(
                                    k
                                            + " "
                                            + java.util.Arrays.toString(v.shape())
                                            + " sum11="
                                            + s
                                            + " min="
                                            + mn
                                            + " max="
                                            + mx);
                        });
            }
        }
    }
}
