package io.dlkit.plugins.face.steps;

import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.detect.FaceBox;
import io.dlkit.plugins.face.landmarks.Landmarks68;
import java.util.List;

/**
 * One photo on its way through the face steps: what {@code face/detect} found, then what {@code
 * face/landmarks} and {@code face/embed} added (empty lists until then, else one entry per box).
 *
 * @param id the photo's file path as given, or {@code inputs.image} for an in-memory image
 * @param image its pixels
 * @param boxes the faces, best score first
 * @param landmarks the 68 points of each face
 * @param descriptors the 128-d descriptor of each aligned face
 */
public record FacePhoto(
        String id,
        FaceImage image,
        List<FaceBox> boxes,
        List<Landmarks68> landmarks,
        List<float[]> descriptors) {
    /**
     * The artifact the face steps hand each other: a {@code List<FacePhoto>}, one per photo in path
     * order. Not shown in the run's results; the typed outputs beside it are.
     */
    public static final ArtifactType FACES = new ArtifactType("face/photos");

    /** The photo with its landmarks. */
    public FacePhoto withLandmarks(List<Landmarks68> points) {
        return new FacePhoto(id, image, boxes, List.copyOf(points), descriptors);
    }

    /** The photo with its descriptors. */
    public FacePhoto withDescriptors(List<float[]> values) {
        return new FacePhoto(id, image, boxes, landmarks, List.copyOf(values));
    }

    /** The file name without folder and extension, for the names of written copies. */
    public String stem() {
        String name = java.nio.file.Path.of(id).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
