package io.dlkit.plugins.face;

import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.tfjs.NamedTensors;
import io.dlkit.backend.tfjs.WeightManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where face-api's weights come from: the model store's catalog entries ({@code ssd_mobilenetv1},
 * {@code tiny_face_detector}, {@code face_landmark_68}, {@code face_recognition}), pulled on first
 * use and verified by SHA-256, or a folder given with {@code --models DIR} that overrides the
 * store. The only place that knows.
 */
public final class ModelFolder {
    /** The SSD MobileNet-V1 face detector. */
    public static final String SSD = "ssd_mobilenetv1_model";

    /** The tiny face detector. */
    public static final String TINY = "tiny_face_detector_model";

    /** The 68-point landmark net. */
    public static final String LANDMARKS = "face_landmark_68_model";

    /** The face recognition net. */
    public static final String RECOGNITION = "face_recognition_model";

    private final Path dir;
    private final PretrainedModels store;

    /** The weights in {@code dir}: {@code <name>-weights_manifest.json} and its shards. */
    public ModelFolder(Path dir) {
        this(dir, null);
    }

    private ModelFolder(Path dir, PretrainedModels store) {
        this.dir = dir;
        this.store = store;
    }

    /** The weights of the model store's catalog entries. */
    public static ModelFolder of(PretrainedModels store) {
        return new ModelFolder(null, store);
    }

    /**
     * The folder {@code option} when given (the override), else the model store.
     *
     * @throws DlkitException (bad input) when {@code option} is not an existing folder
     */
    public static ModelFolder resolve(Path option, PretrainedModels store) {
        if (option == null) {
            return of(store);
        }
        if (!Files.isDirectory(option)) {
            throw DlkitException.invalidInput(
                    "face: model folder "
                            + option
                            + " does not exist; fix --models or leave it out to use the model"
                            + " store");
        }
        return new ModelFolder(option);
    }

    /**
     * The catalog name of face-api's file stem {@code name}: {@code face_recognition_model ->
     * face_recognition}.
     */
    static String catalogName(String name) {
        return name.endsWith("_model") ? name.substring(0, name.length() - 6) : name;
    }

    /**
     * The id enrolled descriptors carry: the recognition model's name and the start of the SHA-256
     * of its manifest and weights, so that descriptors of other weights are refused. The same
     * whether the files come from the store or from {@code --models}.
     */
    public String recognitionModelId() {
        Path manifest = manifest(RECOGNITION);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : List.of(manifest, manifest.resolveSibling(RECOGNITION + ".bin"))) {
                if (Files.isRegularFile(p)) {
                    sha.update(Files.readAllBytes(p));
                }
            }
            return "face-api/"
                    + RECOGNITION
                    + "@"
                    + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw DlkitException.invalidInput(
                    "face: cannot read " + manifest + ": " + e.getMessage());
        }
    }

    /**
     * The tensors of model {@code name}.
     *
     * @throws DlkitException (bad input) when its manifest is not in the {@code --models} folder;
     *     the store's own errors (damaged file, offline and missing) otherwise
     */
    public NamedTensors load(String name) {
        if (store != null) {
            return store.weights(catalogName(name));
        }
        return WeightManifest.read(manifest(name)).load();
    }

    private Path manifest(String name) {
        if (store != null) {
            return store.require(catalogName(name));
        }
        Path manifest = dir.resolve(name + "-weights_manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw DlkitException.invalidInput(
                    "face: "
                            + manifest
                            + " not found; the --models folder must hold face-api's "
                            + name
                            + " weights");
        }
        return manifest;
    }
}
