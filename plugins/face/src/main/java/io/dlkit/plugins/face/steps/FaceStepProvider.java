package io.dlkit.plugins.face.steps;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.Optimizers;
import io.dlkit.api.extension.StepProvider;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.ModelFolder;
import io.dlkit.plugins.face.eval.FaceEvalCommand;
import io.dlkit.plugins.face.train.FaceTrainCommand;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Contributes {@code face/detect}, {@code face/landmarks}, {@code face/embed} and {@code
 * face/identify}: face-api's nets as pipeline steps over one image or a folder of photos; and
 * {@code face/train} and {@code face/eval}, the {@code face train} and {@code face eval} commands
 * as steps.
 *
 * <pre>
 * - id: detect
 *   uses: face/detect
 *   with: {images: photos/}            # or inputs: {image: ${load.image}}
 * - id: landmarks
 *   uses: face/landmarks
 *   inputs: {faces: ${detect.faces}}
 * - id: embed
 *   uses: face/embed
 *   inputs: {faces: ${landmarks.faces}}
 * - id: identify
 *   uses: face/identify
 *   inputs: {faces: ${embed.faces}}
 *   with: {db: faces.db, annotate: true}
 *
 * - id: train
 *   uses: face/train
 *   with: {data: people/, epochs: 5, width: 0.5, out: encoder}
 * - id: eval
 *   uses: face/eval
 *   inputs: {model: ${train.model}}
 *   with: {data: held-out/}
 * </pre>
 *
 * The steps hand each other {@code faces} ({@link FacePhoto#FACES}, every photo with what has been
 * found so far) and give the platform's typed artifacts beside it: {@code boxes} (BOXES), {@code
 * points} (POINTS) of the first photo, for the core drawing steps, and {@code embeddings}
 * (EMBEDDINGS) of every face. Weights come from the model store, or from {@code with: {models:
 * DIR}}.
 */
@Extension
public final class FaceStepProvider implements StepProvider {
    private final PretrainedModels store;
    private final CommandContext ctx;
    private final Optimizers optimizers;

    /** A provider whose train and eval steps cannot run (tests of the other steps). */
    public FaceStepProvider(PretrainedModels store) {
        this(store, null, null);
    }

    /**
     * dlkit injects the model store, the command context and the optimizers ({@code face/train} and
     * {@code face/eval} run the commands through them).
     */
    @Inject
    public FaceStepProvider(PretrainedModels store, CommandContext ctx, Optimizers optimizers) {
        this.store = store;
        this.ctx = ctx;
        this.optimizers = optimizers;
    }

    @Override
    public List<StepType> stepTypes() {
        return List.of(
                new DetectStep(this),
                new LandmarksStep(this),
                new EmbedStep(this),
                new IdentifyStep(this),
                new TrainStep(this),
                new EvalStep(this));
    }

    /** The {@code models} parameter every face step takes. */
    static ParamSpec modelsParam() {
        return ParamSpec.optional(
                "models",
                ParamType.PATH,
                null,
                "a folder of face-api's weights to use instead of the model store's");
    }

    /** The {@code faces} input of the steps after {@code face/detect}. */
    static Port facesInput(String from) {
        return Port.of("faces", FacePhoto.FACES, "the photos and faces of " + from);
    }

    /** The {@code faces} output every face step gives. */
    static Port facesOutput(String what) {
        return Port.of("faces", FacePhoto.FACES, "the photos and faces, with " + what);
    }

    /** The weights the step's {@code models} parameter or the store gives. */
    ModelFolder weights(Params params) {
        return ModelFolder.resolve(params.has("models") ? params.path("models") : null, store);
    }

    /** A {@code face train} command of this run, for its options to be parsed into. */
    FaceTrainCommand trainCommand() {
        return new FaceTrainCommand(ctx, store, optimizers);
    }

    /** A {@code face eval} command of this run, for its options to be parsed into. */
    FaceEvalCommand evalCommand() {
        return new FaceEvalCommand(ctx, store, optimizers);
    }

    /** An analyser on the run's graph. */
    FaceAnalyzer analyzer(StepContext context, Params params) {
        return new FaceAnalyzer(weights(params), context.openGraph());
    }

    /** The photos of the {@code faces} input. */
    @SuppressWarnings("unchecked")
    static List<FacePhoto> photos(Map<String, Object> inputs) {
        return (List<FacePhoto>) inputs.get("faces");
    }

    /** Refuses photos whose faces lack what a later step needs. */
    static void require(boolean ok, String step, String what, String before) {
        if (!ok) {
            throw DlkitException.invalidInput(
                    step + ": the faces have no " + what + "; put " + before + " before it");
        }
    }
}
