package io.dlkit.cli.nn;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one training run needs; what {@code dlkit train} options and the {@code nn/train}
 * pipeline step both produce, and what model.yaml's {@code training:} section records.
 */
record TrainRequest(
        Path modelFile,
        DataSource data,
        DataSource validation,
        double validationSplit,
        DataSource test,
        int epochs,
        int batchSize,
        String optimizer,
        Map<String, Object> optimizerConfig,
        double learningRate,
        String schedule,
        double l2,
        double clipValue,
        double clipNorm,
        String loss,
        String earlyStopping,
        int checkpointEvery,
        Path out,
        boolean resume,
        boolean plot,
        String augment,
        String normalize,
        String lossWeights) {

    /** The {@code training:} section of model.yaml. */
    Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data == null ? null : data.toConfig());
        m.put("validation", validation == null ? null : validation.toConfig());
        m.put("validation_split", validationSplit);
        m.put("test", test == null ? null : test.toConfig());
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("optimizer", optimizer);
        m.put("optimizer_config", optimizerConfig);
        m.put("learning_rate", learningRate);
        m.put("lr_schedule", schedule);
        m.put("l2", l2);
        m.put("clip_value", clipValue);
        m.put("clip_norm", clipNorm);
        m.put("loss", loss);
        m.put("early_stopping", earlyStopping);
        m.put("checkpoint_every", checkpointEvery);
        m.put("plot", plot);
        m.put("augment", augment);
        m.put("normalize", normalize);
        if (lossWeights != null) m.put("loss_weights", lossWeights);
        return m;
    }

    /**
     * The training section of a model created from imported weights (plain gradient descent, auto
     * loss).
     */
    static TrainRequest forImport(Path out) {
        return new TrainRequest(
                null,
                null,
                null,
                0,
                null,
                0,
                64,
                "gd",
                Map.of(),
                0.001,
                "constant",
                0,
                0,
                0,
                "auto",
                null,
                0,
                out,
                false,
                false,
                "none",
                "none",
                null);
    }

    /**
     * The request recorded in a model directory, continued up to {@code epochs} (0 = as recorded).
     */
    @SuppressWarnings("unchecked")
    static TrainRequest resumeFrom(Map<String, Object> t, Path out, int epochs) {
        return new TrainRequest(
                null,
                DataSource.fromConfig(t.get("data")),
                DataSource.fromConfig(t.get("validation")),
                num(t, "validation_split"),
                DataSource.fromConfig(t.get("test")),
                epochs > 0 ? epochs : (int) num(t, "epochs"),
                (int) num(t, "batch_size"),
                (String) t.get("optimizer"),
                (Map<String, Object>) t.getOrDefault("optimizer_config", Map.of()),
                num(t, "learning_rate"),
                (String) t.get("lr_schedule"),
                num(t, "l2"),
                num(t, "clip_value"),
                num(t, "clip_norm"),
                (String) t.get("loss"),
                (String) t.get("early_stopping"),
                (int) num(t, "checkpoint_every"),
                out,
                true,
                Boolean.TRUE.equals(t.get("plot")),
                t.get("augment") instanceof String a ? a : "none",
                t.get("normalize") instanceof String n ? n : "none",
                t.get("loss_weights") instanceof String w ? w : null);
    }

    private static double num(Map<String, Object> t, String key) {
        Object v = t.get(key);
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}
