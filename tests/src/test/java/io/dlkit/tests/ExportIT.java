package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * {@code dlkit export}: a SavedModel that TensorFlow itself loads and that predicts what dlkit
 * predicts.
 */
class ExportIT {

    @Test
    void exported_saved_model_should_load_and_predict_like_dlkit(@TempDir Path tmp)
            throws Exception {
        // given a model trained on the flower data
        Path model = tmp.resolve("flower");
        Result train =
                DlkitProcess.run(
                        "--threads",
                        "2",
                        "-q",
                        "train",
                        "--model",
                        "samples/models/flower.yaml",
                        "--data",
                        "samples/data/flower.csv",
                        "--epochs",
                        "20",
                        "--batch-size",
                        "400",
                        "--optimizer",
                        "gd",
                        "--lr",
                        "1.2",
                        "--out",
                        model.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        // when
        Result export = DlkitProcess.run("-q", "export", model.toString());
        Result predict =
                DlkitProcess.run(
                        "-q",
                        "--format",
                        "json",
                        "predict",
                        model.toString(),
                        "--data",
                        "samples/data/flower.csv@0:5");
        // then: TensorFlow loads the SavedModel and computes dlkit's probabilities
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.out()).contains("saved_model: " + model.resolve("saved_model"));
        assertThat(model.resolve("saved_model/saved_model.pb")).exists();
        List<Double> expected = new ArrayList<>();
        for (String line : predict.out().strip().split("\n")) {
            for (var v : new ObjectMapper().readTree(line).get("probabilities"))
                expected.add(v.asDouble());
        }
        float[] x = firstRows(5);
        try (SavedModelBundle b =
                        SavedModelBundle.load(model.resolve("saved_model").toString(), "serve");
                TFloat32 in = TFloat32.tensorOf(Shape.of(5, 2), DataBuffers.of(x, true, false));
                var r = b.function("serving_default").call(Map.of("x", in))) {
            TFloat32 out = (TFloat32) r.get("output").get();
            assertThat(out.shape().asArray()).containsExactly(5, 1);
            for (int i = 0; i < 5; i++) {
                assertThat((double) out.getFloat(i, 0)).isCloseTo(expected.get(i), within(1e-5));
            }
        }
        // and a second export without --overwrite is refused, with one line
        Result again = DlkitProcess.run("export", model.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err())
                .isEqualTo(
                        "error: "
                                + model.resolve("saved_model")
                                + " already exists; pass --overwrite to replace it or choose another path\n");
    }

    private static float[] firstRows(int n) throws Exception {
        List<String> lines =
                Files.readAllLines(DlkitProcess.ROOT.resolve("samples/data/flower.csv"));
        float[] x = new float[n * 2];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            x[2 * i] = Float.parseFloat(f[0]);
            x[2 * i + 1] = Float.parseFloat(f[1]);
        }
        return x;
    }
}
