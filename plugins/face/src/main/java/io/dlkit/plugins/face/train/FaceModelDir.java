package io.dlkit.plugins.face.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.Optimizers;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.train.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model folder {@code face train} writes: {@code model.yaml} (what was trained and how, written
 * as JSON, which is YAML too), {@code checkpoint/} (the core trainer's, with the optimizer state),
 * {@code metrics.csv} and {@code curves.png}. {@code model.yaml}'s {@code face_model} says which
 * kind it is: {@code encoder} (an NN4-small2 trained with the triplet loss) or {@code
 * verification_head} (a DeepFace head, naming its frozen encoder).
 */
public final class FaceModelDir {
    /** {@code face_model} of an encoder. */
    public static final String ENCODER = "encoder";

    /** {@code face_model} of a verification head. */
    public static final String HEAD = "verification_head";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FaceModelDir() {}

    /** The description file of {@code dir}. */
    public static Path file(Path dir) {
        return dir.resolve("model.yaml");
    }

    /** Writes {@code content} as the folder's {@code model.yaml}. */
    public static void write(OutputWriter writer, Path dir, Map<String, Object> content) {
        writer.write(file(dir), out -> out.write(JSON.writeValueAsBytes(content)));
    }

    /**
     * Reads a folder {@code face train} wrote.
     *
     * @throws DlkitException (bad input) when it has no readable {@code model.yaml} of a face model
     */
    public static Map<String, Object> read(Path dir) {
        Path f = file(dir);
        if (!Files.isRegularFile(f)) {
            throw DlkitException.invalidInput(
                    dir + ": no model.yaml; give a folder written by 'dlkit face train'");
        }
        try {
            Map<String, Object> m = JSON.readValue(f.toFile(), new TypeReference<>() {});
            Object kind = m.get("face_model");
            if (!ENCODER.equals(kind) && !HEAD.equals(kind)) {
                throw DlkitException.invalidInput(
                        f + ": face_model must be encoder or verification_head, got " + kind);
            }
            return m;
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    f
                            + ": not a face model description ("
                            + e.getMessage().lines().findFirst().orElse("")
                            + ")");
        }
    }

    /** A number of {@code m}, or {@code fallback}. */
    static double number(Map<String, Object> m, String key, double fallback) {
        return m.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    /**
     * The optimizer model.yaml's {@code optimizer} names ({@code adam} when absent), with its
     * default hyperparameters, from the {@code Optimizers} SPI.
     */
    public static Optimizer optimizer(Map<String, Object> m, Optimizers optimizers) {
        Object name = m.get("optimizer");
        return optimizers.create(name == null ? "adam" : String.valueOf(name), Map.of());
    }
}
