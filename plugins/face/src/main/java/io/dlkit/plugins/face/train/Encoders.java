package io.dlkit.plugins.face.train;

import io.dlkit.api.CommandContext;
import io.dlkit.api.extension.Optimizers;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.command.FaceOptions;
import java.nio.file.Path;

/** Opens the encoder a command names: {@code face-api} or a trained encoder's folder. */
public final class Encoders {
    private Encoders() {}

    /**
     * {@code name} {@code face-api} (face-api's recogniser, through the face options' weights) or
     * the folder of an encoder {@code face train --loss triplet} wrote (whose graph is rebuilt with
     * the optimizer it was trained with, from {@code optimizers}).
     */
    public static FaceEncoder open(
            String name,
            CommandContext ctx,
            PretrainedModels store,
            FaceOptions options,
            Optimizers optimizers) {
        double min = options.minConfidence();
        if (name == null || name.equals(HeadTraining.FACE_API)) {
            return new FaceApiEncoder(options.open(ctx, store), min);
        }
        Path dir = Path.of(name);
        java.util.Map<String, Object> m = FaceModelDir.read(dir);
        if (!FaceModelDir.ENCODER.equals(m.get("face_model"))) {
            throw io.dlkit.api.DlkitException.invalidInput(
                    dir + " holds a verification head, not an encoder; give the encoder's folder");
        }
        EncoderTraining spec = EncoderTraining.fromMap(m);
        FaceAnalyzer aligner = spec.align() ? options.open(ctx, store) : null;
        return new TrainedEncoder(dir, ctx.openGraph(), aligner, min, optimizers);
    }
}
