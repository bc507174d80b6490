package io.dlkit.plugins.face;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.tfjs.NamedTensors;
import io.dlkit.backend.tfjs.WeightManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where face-api's weight files are: the folder of {@code --models DIR}, else of the environment
 * variable {@code DLKIT_FACE_MODELS}. The only place that knows, so that the model store can take
 * over later.
 *
 * @param dir the folder holding {@code <name>-weights_manifest.json} and its {@code .bin} shards
 */
public record ModelFolder(Path dir) {
    /** The environment variable naming the folder. */
    public static final String ENV = "DLKIT_FACE_MODELS";

    /** The SSD MobileNet-V1 face detector. */
    public static final String SSD = "ssd_mobilenetv1_model";

    /** The tiny face detector. */
    public static final String TINY = "tiny_face_detector_model";

    /** The 68-point landmark net. */
    public static final String LANDMARKS = "face_landmark_68_model";

    /** The face recognition net. */
    public static final String RECOGNITION = "face_recognition_model";

    /**
     * The folder given by {@code option} (may be null), else by {@code env}.
     *
     * @throws DlkitException (bad input) naming both ways when neither gives an existing folder
     */
    public static ModelFolder resolve(Path option, Map<String, String> env) {
        Path dir = option;
        if (dir == null && env.get(ENV) != null && !env.get(ENV).isBlank()) {
            dir = Path.of(env.get(ENV));
        }
        if (dir == null) {
            throw DlkitException.invalidInput(
                    "face: no model folder; pass --models DIR or set "
                            + ENV
                            + " to a folder of face-api weights (ssd_mobilenetv1_model-weights_manifest.json, ...)");
        }
        if (!Files.isDirectory(dir)) {
            throw DlkitException.invalidInput(
                    "face: model folder " + dir + " does not exist; check --models or " + ENV);
        }
        return new ModelFolder(dir);
    }

    /**
     * The id enrolled descriptors carry: the recognition model's name and the start of the SHA-256
     * of its weights, so that descriptors of other weights are refused.
     */
    public String recognitionModelId() {
        Path manifest = dir.resolve(RECOGNITION + "-weights_manifest.json");
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Path p : List.of(manifest, dir.resolve(RECOGNITION + ".bin"))) {
                if (Files.isRegularFile(p)) {
                    sha.update(Files.readAllBytes(p));
                }
            }
            return "face-api/"
                    + RECOGNITION
                    + "@"
                    + java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw DlkitException.invalidInput(
                    "face: cannot read " + manifest + ": " + e.getMessage());
        }
    }

    /**
     * The tensors of model {@code name}.
     *
     * @throws DlkitException (bad input) when its manifest is not in the folder
     */
    public NamedTensors load(String name) {
        Path manifest = dir.resolve(name + "-weights_manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw DlkitException.invalidInput(
                    "face: "
                            + manifest
                            + " not found; the model folder must hold face-api's "
                            + name
                            + " weights");
        }
        return WeightManifest.read(manifest).load();
    }
}
