package io.dlkit.plugins.face;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.plugins.face.detect.FaceBox;
import io.dlkit.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** face-api's own output on the sample photos (../shared/data/reference). */
final class FaceApiReference {
    /** One reference face. */
    record RefFace(FaceBox box, float[] descriptor) {}

    private FaceApiReference() {}

    static Path models() {
        return SharedData.require("data/models/face-api");
    }

    static Path image(String name) {
        return SharedData.require("data/images/faces/" + name);
    }

    static List<RefFace> faces(String image) {
        try {
            JsonNode root =
                    new ObjectMapper()
                            .readTree(
                                    SharedData.require(
                                                    "data/reference/face-api-1.7.15-samples1-3.json")
                                            .toFile());
            List<RefFace> out = new ArrayList<>();
            for (JsonNode f : root.get(image)) {
                JsonNode b = f.get("box");
                FaceBox box =
                        new FaceBox(
                                b.get("_x").asDouble(),
                                b.get("_y").asDouble(),
                                b.get("_width").asDouble(),
                                b.get("_height").asDouble(),
                                f.get("score").asDouble());
                float[] d = new float[f.get("descriptor").size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) f.get("descriptor").get(i).asDouble();
                }
                out.add(new RefFace(box, d));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
