package io.dlkit.plugins.face.steps;

import io.dlkit.api.DlkitException;
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
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Contributes {@code face/detect}, {@code face/landmarks}, {@code face/embed} and {@code
 * face/identify}: face-api's nets as pipeline steps over one image or a folder of photos.
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

    /** dlkit injects the model store. */
    @Inject
    public FaceStepProvider(PretrainedModels store) {
        this.store = store;
    }

    @Override
    public List<StepType> stepTypes() {
        return List.of(
                new DetectStep(this),
                new LandmarksStep(this),
                new EmbedStep(this),
                new IdentifyStep(this));
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
