package io.dlkit.cli.nn;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.ChannelNormalization;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.data.ImageAugmenter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happens to samples between the loader and the model: {@code --normalize} and {@code
 * --augment}.
 *
 * <ul>
 *   <li>{@code none}: features as the loaders give them.
 *   <li>{@code scale}: features in [0, 1]. The image-folder, IDX and {@code uint8} NPZ loaders
 *       already divide 8-bit pixels by 255, so this only checks that the training data lie in [0,
 *       1] (CSV and float NPZ values are kept as they are) and stores nothing.
 *   <li>{@code standardize}: {@code (x - mean[c]) / std[c]} per channel (the last axis: a colour
 *       channel of an image, a feature of a vector), mean and std computed on the training set
 *       (after {@code --val-split}) and stored in model.yaml as {@code normalization: {mean: [...],
 *       std: [...]}}, which eval, predict, classify and ModelStore apply to their inputs.
 * </ul>
 *
 * Augmentation ({@link ImageAugmenter}) runs on training batches after normalization, so its crop
 * fills with the normalized value of black.
 */
final class InputPrep {
    static final List<String> NORMALIZE = List.of("none", "scale", "standardize");

    private InputPrep() {}

    /** Checks a {@code --normalize} value; returns it in lower case. */
    static String checkNormalize(String mode) {
        String m = mode == null ? "none" : mode.toLowerCase(Locale.ROOT);
        if (!NORMALIZE.contains(m)) {
            throw DlkitException.invalidInput(
                    "--normalize "
                            + mode
                            + ": unknown; use none, scale"
                            + " (check features are in [0, 1]) or standardize (per-channel mean and std of"
                            + " the training data)");
        }
        return m;
    }

    /** Checks an {@code --augment} spec; returns its canonical form ({@code none} for null). */
    static String checkAugment(String spec) {
        try {
            return spec == null ? "none" : ImageAugmenter.parse(spec).spec();
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("--augment: " + e.getMessage());
        }
    }

    /** The normalization {@code mode} makes for {@code train}; null when none is stored. */
    static ChannelNormalization fit(String mode, Dataset train, String what) {
        return switch (checkNormalize(mode)) {
            case "standardize" -> ChannelNormalization.standardize(train);
            case "scale" -> {
                checkUnitRange(train, what);
                yield null;
            }
            default -> null;
        };
    }

    /** {@code data} normalized, or itself when {@code n} is null. */
    static Dataset apply(ChannelNormalization n, Dataset data) {
        return n == null || data == null ? data : n.apply(data);
    }

    /** The augmenter of a spec for a model input, padding with the normalized black. */
    static BatchAugmenter augmenter(String spec, long[] inputShape, ChannelNormalization n) {
        if ("none".equals(checkAugment(spec))) return BatchAugmenter.NONE;
        try {
            ImageAugmenter.Builder b = ImageAugmenter.parse(spec).setImageShape(inputShape);
            if (n != null) b.optFill(n.normalizedZero());
            return b.build();
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("--augment " + spec + ": " + e.getMessage());
        }
    }

    /** model.yaml's stored normalization (null if none), with a one-line error naming the file. */
    static ChannelNormalization stored(Map<String, Object> modelYaml, String file) {
        try {
            return ChannelNormalization.fromConfig(modelYaml.get("normalization"));
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(file + ": " + e.getMessage());
        }
    }

    /** model.yaml's class names, or an empty list. */
    static List<String> classNames(Map<String, Object> modelYaml) {
        return modelYaml.get("class_names") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static void checkUnitRange(Dataset train, String what) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : train.features()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min < 0 || max > 1) {
            throw DlkitException.invalidInput(
                    "--normalize scale: "
                            + what
                            + " has values in ["
                            + min
                            + ", "
                            + max
                            + "], not [0, 1] as images, IDX files and uint8 NPZ arrays"
                            + " give; use --normalize standardize or none");
        }
    }
}
