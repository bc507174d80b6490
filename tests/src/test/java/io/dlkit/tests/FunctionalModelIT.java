package io.dlkit.tests;

import static io.dlkit.tests.Words.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A functional model file (named inputs, layers naming their inputs, several outputs) through the
 * packaged CLI: {@code summary} shows the graph; {@code train} sums two per-output losses with
 * configurable weights, resumes a killed run exactly; {@code eval}, {@code predict} (every output,
 * or one) and {@code export} (every input and output in the SavedModel signature) follow; the
 * {@code nn/train} step takes {@code freeze} and {@code init_from}.
 */
class FunctionalModelIT {
    private static final String TWO_HEADS =
            """
            inputs: {image: [28, 28, 1], meta: [4]}
            layers:
              - {name: f, type: flatten, inputs: [image]}
              - {name: both, type: concat, inputs: [f, meta]}
              - {name: h, type: dense, units: 16, activation: relu, inputs: [both]}
              - {name: cls, type: dense, units: 3, activation: softmax, inputs: [h]}
              - {name: reg, type: dense, units: 1, activation: linear, inputs: [h]}
            outputs: [cls, reg]
            losses: {cls: {loss: categorical_crossentropy, weight: 1.0}, reg: {loss: mse, weight: 0.5}}
            """;

    /** cls = [a0 > 0] + [b0 > 0]; reg = a1 - b1. The file's reg weight 2 is overridden by flags. */
    private static final String TWO_IN_TWO_OUT =
            """
            inputs: {a: [2], b: [2]}
            layers:
              - {name: both, type: concat, inputs: [a, b]}
              - {name: h, type: dense, units: 16, activation: tanh, inputs: [both]}
              - {name: cls, type: dense, units: 3, activation: softmax, inputs: [h]}
              - {name: reg, type: dense, units: 1, activation: linear, inputs: [h]}
            outputs: [cls, reg]
            losses: {cls: categorical_crossentropy, reg: {loss: mse, weight: 2}}
            """;

    private static final int N = 200;
    private static final int EPOCHS = 20;
    private static final String VARIABLES = "checkpoint/variables.data-00000-of-00001";

    @TempDir static Path dir;
    static Path model;
    static Path npz;
    static Path csv;

    @BeforeAll
    static void data() throws Exception {
        model = Files.writeString(dir.resolve("two.yaml"), TWO_IN_TWO_OUT);
        Random r = new Random(1);
        float[] a = new float[2 * N];
        float[] b = new float[2 * N];
        int[] cls = new int[N];
        float[] reg = new float[N];
        StringBuilder text = new StringBuilder("reg,cls,b_1,b_0,a_1,a_0,unused\n");
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < 2; k++) {
                a[2 * i + k] = (float) r.nextGaussian();
                b[2 * i + k] = (float) r.nextGaussian();
            }
            cls[i] = (a[2 * i] > 0 ? 1 : 0) + (b[2 * i] > 0 ? 1 : 0);
            reg[i] = a[2 * i + 1] - b[2 * i + 1];
            text.append(
                    reg[i]
                            + ","
                            + cls[i]
                            + ","
                            + b[2 * i + 1]
                            + ","
                            + b[2 * i]
                            + ","
                            + a[2 * i + 1]
                            + ","
                            + a[2 * i]
                            + ",x\n");
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("a", NdArray.of(a, N, 2));
        arrays.put("b", NdArray.of(b, N, 2));
        arrays.put("cls", NdArray.of(cls, N));
        arrays.put("reg", NdArray.of(reg, N, 1));
        npz = dir.resolve("d.npz");
        Npz.write(npz, arrays);
        csv = Files.writeString(dir.resolve("d.csv"), text);
    }

    @Test
    void should_summarise_each_layer_with_its_inputs(@TempDir Path tmp) throws Exception {
        // given
        Path model = Files.writeString(tmp.resolve("two.yaml"), TWO_HEADS);
        // when
        Result r = DlkitProcess.run(args("summary", model.toString()));
        // then: concat of 784 + 4 features; h has 788 * 16 + 16 weights
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .containsPattern("both \\(concat\\) +\\(None, 788\\) +0 +0 +f, meta")
                .containsPattern("h \\(dense\\) +\\(None, 16\\) +12,624 .* both")
                .contains("Outputs: cls, reg")
                .contains("Total params: 12,692");
    }

    @Test
    void should_point_at_an_unknown_input_name_with_a_suggestion(@TempDir Path tmp)
            throws Exception {
        Path model =
                Files.writeString(
                        tmp.resolve("bad.yaml"), TWO_HEADS.replace("[f, meta]", "[f, mta]"));
        Result r = DlkitProcess.run(args("summary", model.toString()));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        model
                                + ":4:44: layers[1].inputs[1]: unknown layer or input 'mta' (did"
                                + " you mean meta?)");
    }

    @Test
    void should_train_two_weighted_losses_resume_a_killed_run_exactly_evaluate_predict_and_export(
            @TempDir Path tmp) throws Exception {
        // given: an uninterrupted run, and the same run killed at a mid-epoch checkpoint
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        ResumeAfterKillIT.trainWholeAndKilledMidEpoch(FunctionalModelIT::train, whole, killed);
        // when
        Result resumed =
                DlkitProcess.run(
                        args("--threads 1 --seed 7 -q train --resume --out", killed.toString()));
        // then: the total is 1 * cls_loss + 0.5 * reg_loss in every epoch, and both fall
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        List<String> rows = Files.readAllLines(whole.resolve("metrics.csv"));
        assertThat(rows.get(0))
                .isEqualTo(
                        "epoch,step,loss,l2,accuracy,val_loss,val_accuracy,learning_rate,cls_loss,"
                                + "cls_accuracy,reg_loss,val_cls_loss,val_cls_accuracy,"
                                + "val_reg_loss,seconds,samples_per_s");
        for (String row : rows.subList(1, rows.size())) {
            String[] v = row.split(",");
            double total = Double.parseDouble(v[2]);
            double cls = Double.parseDouble(v[8]);
            double reg = Double.parseDouble(v[10]);
            assertThat(total).as(row).isCloseTo(cls + 0.5 * reg, within(2e-6));
        }
        String[] first = rows.get(1).split(",");
        String[] last = rows.get(rows.size() - 1).split(",");
        assertThat(Double.parseDouble(last[8])).isLessThan(0.6 * Double.parseDouble(first[8]));
        assertThat(Double.parseDouble(last[10])).isLessThan(0.3 * Double.parseDouble(first[10]));
        assertThat(Double.parseDouble(last[9])).as("cls accuracy").isGreaterThan(0.85);
        assertThat(ResumeAfterKillIT.metricsWithoutTimes(killed))
                .isEqualTo(ResumeAfterKillIT.metricsWithoutTimes(whole))
                .hasSize(1 + EPOCHS);
        assertThat(Files.mismatch(whole.resolve(VARIABLES), killed.resolve(VARIABLES)))
                .as("first byte where the weights differ")
                .isEqualTo(-1L);
        assertThat(Files.readString(killed.resolve("model.yaml")))
                .contains("loss: categorical_crossentropy")
                .contains("weight: 0.5");
        evaluatePredictAndExport(killed);
        tuneInAPipeline(killed, tmp);
    }

    private static void evaluatePredictAndExport(Path trained) throws Exception {
        // eval on the CSV (columns in another order, one ignored): total = weighted sum
        Result eval =
                DlkitProcess.run(
                        args("--format json eval", trained.toString(), "--data", csv.toString()));
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        JsonNode e = new ObjectMapper().readTree(eval.out());
        assertThat(e.get("samples").asInt()).isEqualTo(N);
        assertThat(e.get("loss").asDouble())
                .isCloseTo(
                        e.get("cls_loss").asDouble() + 0.5 * e.get("reg_loss").asDouble(),
                        within(1e-5));
        assertThat(e.get("cls_accuracy").asDouble()).isGreaterThan(0.85);
        // predict: every output as JSON, one output as CSV
        String rows = npz + "@0:4";
        Result json =
                DlkitProcess.run(args("--format json predict", trained.toString(), "--data", rows));
        assertThat(json.exitCode()).as(json.toString()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : json.out().strip().split("\n"))
            lines.add(new ObjectMapper().readTree(line));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("cls").get("probabilities")).hasSize(3);
        assertThat(lines.get(0).get("reg").get("outputs")).hasSize(1);
        Result one =
                DlkitProcess.run(
                        args("predict", trained.toString(), "--data", rows, "--output", "reg"));
        assertThat(one.exitCode()).as(one.toString()).isZero();
        List<String> csvRows = one.out().strip().lines().toList();
        assertThat(csvRows.get(0)).isEqualTo("index,reg_y0");
        for (int i = 0; i < 4; i++) {
            assertThat(Double.parseDouble(csvRows.get(1 + i).split(",")[1]))
                    .isCloseTo(
                            lines.get(i).get("reg").get("outputs").get(0).asDouble(), within(1e-9));
        }
        // export, loaded back by TensorFlow: both inputs in, both outputs out, as predict gave
        Result export = DlkitProcess.run("export", trained.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.out()).contains("signature: serving_default: a, b -> cls, reg");
        Map<String, NdArray> data = Npz.read(npz);
        try (SavedModelBundle bundle =
                        SavedModelBundle.load(trained.resolve("saved_model").toString(), "serve");
                TFloat32 a = firstRows(data.get("a"), 4);
                TFloat32 b = firstRows(data.get("b"), 4);
                var r = bundle.function("serving_default").call(Map.of("a", a, "b", b))) {
            TFloat32 cls = (TFloat32) r.get("cls").get();
            TFloat32 reg = (TFloat32) r.get("reg").get();
            assertThat(cls.shape().asArray()).containsExactly(4, 3);
            for (int i = 0; i < 4; i++) {
                JsonNode p = lines.get(i).get("cls").get("probabilities");
                for (int j = 0; j < 3; j++)
                    assertThat((double) cls.getFloat(i, j))
                            .isCloseTo(p.get(j).asDouble(), within(1e-5));
                assertThat((double) reg.getFloat(i, 0))
                        .isCloseTo(
                                lines.get(i).get("reg").get("outputs").get(0).asDouble(),
                                within(1e-5));
            }
        }
    }

    private static String[] train(Path out) {
        return args(
                "--threads 1 --seed 7 -q train --optimizer adam --lr 0.02 --batch-size 8"
                        + " --checkpoint-every 7 --val-split 0.1 --loss-weights cls=1,reg=0.5"
                        + " --epochs "
                        + EPOCHS,
                "--model",
                model.toString(),
                "--data",
                npz.toString(),
                "--out",
                out.toString());
    }

    private static TFloat32 firstRows(NdArray x, int rows) {
        float[] v = java.util.Arrays.copyOf(x.floats(), rows * 2);
        return TFloat32.tensorOf(Shape.of(rows, 2), DataBuffers.of(v, true, false));
    }

    /**
     * The nn/train step with freeze and init_from on a trained functional model, then nn/eval and
     * nn/predict on the result.
     */
    private static void tuneInAPipeline(Path base, Path tmp) throws Exception {
        // given: a model with the same h and a new layer h2 under both heads (so the heads'
        // kernels change shape)
        Files.writeString(
                tmp.resolve("top.yaml"),
                TWO_IN_TWO_OUT
                        .replace("inputs: [h]}", "inputs: [h2]}")
                        .replace(
                                "  - {name: cls,",
                                "  - {name: h2, type: dense, units: 8, activation: tanh, inputs: [h]}\n"
                                        + "  - {name: cls,"));
        Path pipeline =
                Files.writeString(
                        tmp.resolve("tune.yaml"),
                        """
                        name: tune
                        steps:
                          - id: tune
                            uses: nn/train
                            with:
                              model: top.yaml
                              data: %s
                              epochs: 1
                              plot: false
                              freeze: h
                              init_from: %s
                              loss_weights: reg=0.25
                          - id: evaluate
                            uses: nn/eval
                            inputs: {model: "${tune.model}"}
                            with: {data: %s}
                          - id: predict
                            uses: nn/predict
                            inputs: {model: "${tune.model}"}
                            with: {data: %s}
                        """
                                .formatted(npz, base, csv, npz));
        // when
        Path out = tmp.resolve("out");
        Result r = DlkitProcess.run("run", pipeline.toString(), "--out", out.toString());
        // then: h's kernel and bias and the heads' biases taken, h frozen
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err())
                .contains(
                        "init-from "
                                + base
                                + ": took 4 of 8 variables; not taken: h2_kernel (not in "
                                + base
                                + "), h2_bias (not in "
                                + base
                                + "), cls_kernel (shape [8, 3], there [16, 3]), reg_kernel"
                                + " (shape [8, 1], there [16, 1])");
        String model = Files.readString(out.resolve("model/model.yaml"));
        assertThat(model).contains("weight: 0.25").contains("trainable: false");
        List<String> predictions = Files.readAllLines(out.resolve("predictions.csv"));
        assertThat(predictions.get(0)).isEqualTo("index,cls_class,cls_p0,cls_p1,cls_p2,reg_y0");
        assertThat(predictions).hasSize(1 + N);
        // h (frozen: 4 x 16 + 16 = 80); h2 16 * 8 + 8, cls 8 * 3 + 3, reg 8 + 1: 172 trainable
        Result summary = DlkitProcess.run("summary", out.resolve("model").toString());
        assertThat(summary.out())
                .as(summary.toString())
                .contains("Trainable params: 172")
                .contains("Non-trainable params: 80");
    }
}
