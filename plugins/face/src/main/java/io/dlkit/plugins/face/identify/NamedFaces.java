package io.dlkit.plugins.face.identify;

import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Drawing;
import io.dlkit.backend.image.Image;
import io.dlkit.plugins.face.Face;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.detect.FaceBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Identified faces as labelled boxes: the name and the distance that decided it. */
public final class NamedFaces {
    private NamedFaces() {}

    /**
     * The box of {@code face} tagged {@code "alice d=0.41"} ({@code "unknown"} past the threshold).
     */
    public static Box box(FaceBox face, Identifier.Match match) {
        String tag =
                Double.isNaN(match.distance())
                        ? match.name()
                        : String.format(Locale.ROOT, "%s d=%.2f", match.name(), match.distance());
        return new Box(
                (float) face.x(),
                (float) face.y(),
                (float) face.right(),
                (float) face.bottom(),
                tag,
                Float.NaN);
    }

    /** A copy of {@code image} with each face boxed and tagged. */
    public static Image draw(FaceImage image, List<Face> faces, List<Identifier.Match> matches) {
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            boxes.add(box(faces.get(i).box(), matches.get(i)));
        }
        return Drawing.drawBoxes(image.toImage(), boxes);
    }
}
