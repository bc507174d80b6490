package io.dlkit.cli.nn;

import io.dlkit.api.DlkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained model's directory (DESIGN.md section 6): {@code model.yaml} (architecture and training
 * settings), {@code checkpoint/} (every variable, optimizer state included, and where training
 * stood), {@code metrics.csv}/{@code metrics.json}, {@code curves.png}, {@code manifest.json}.
 */
record ModelDir(Path dir) {
    static final String FORMAT = "dlkit-model/1";

    Path modelFile() {
        return dir.resolve("model.yaml");
    }

    Path metricsCsv() {
        return dir.resolve("metrics.csv");
    }

    Path metricsJson() {
        return dir.resolve("metrics.json");
    }

    Path curves() {
        return dir.resolve("curves.png");
    }

    Path manifest() {
        return dir.resolve("manifest.json");
    }

    /** The files a training run writes besides {@code checkpoint/}. */
    java.util.List<Path> files() {
        return java.util.List.of(modelFile(), metricsCsv(), metricsJson(), curves(), manifest());
    }

    /** Whether this directory already holds a model. */
    boolean exists() {
        return Files.isRegularFile(modelFile());
    }

    /** Opens an existing model directory, or says what is missing. */
    static ModelDir open(Path dir) {
        ModelDir d = new ModelDir(dir);
        io.dlkit.api.FileKind kind = io.dlkit.api.FileKind.of(dir);
        if (kind == io.dlkit.api.FileKind.MISSING) {
            throw DlkitException.invalidInput(
                    dir + ": no such model directory; train one with dlkit train --out " + dir);
        }
        if (kind != io.dlkit.api.FileKind.FOLDER) {
            throw DlkitException.invalidInput(
                    dir
                            + ": is "
                            + kind.description()
                            + ", not a model directory; give the folder dlkit train wrote"
                            + " (it holds model.yaml)");
        }
        if (!d.exists()) {
            throw DlkitException.invalidInput(dir + ": not a model directory (no model.yaml)");
        }
        // A process killed between Checkpoints.save's two renames leaves only .checkpoint-old,
        // a complete checkpoint that restore falls back to.
        if (!Files.isDirectory(dir.resolve("checkpoint"))
                && !Files.isDirectory(dir.resolve(".checkpoint-old"))) {
            throw DlkitException.invalidInput(
                    dir + ": has no checkpoint/; its training never finished an epoch");
        }
        return d;
    }

    /** Reads model.yaml: {@code format}, {@code model}, {@code training}. */
    Map<String, Object> read() {
        Map<String, Object> m = Yaml.read(modelFile());
        if (!FORMAT.equals(m.get("format")) || !(m.get("model") instanceof Map)) {
            throw DlkitException.invalidInput(
                    modelFile() + ": not a dlkit model file (expected format: " + FORMAT + ")");
        }
        return m;
    }

    /** The model.yaml content for a model config and training settings. */
    static Map<String, Object> content(Map<String, Object> model, Map<String, Object> training) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("model", model);
        m.put("training", training);
        return m;
    }
}
