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

    /**
     * face-api's landmarks and dlib-aligned box of one face (test resource, make_landmarks.cjs).
     */
    record RefLandmarks(FaceBox box, double[] xy, int[] aligned) {}

    static List<RefLandmarks> landmarks(String image) {
        try (var in =
                FaceApiReference.class.getResourceAsStream("face-api-landmarks-samples1-3.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<RefLandmarks> out = new ArrayList<>();
            for (JsonNode f : root.get(image)) {
                double[] xy = new double[136];
                for (int i = 0; i < 68; i++) {
                    xy[2 * i] = f.get("landmarks").get(i).get(0).asDouble();
                    xy[2 * i + 1] = f.get("landmarks").get(i).get(1).asDouble();
                }
                JsonNode a = f.get("aligned");
                int[] aligned = {
                    a.get("_x").asInt(),
                    a.get("_y").asInt(),
                    a.get("_width").asInt(),
                    a.get("_height").asInt()
                };
                out.add(new RefLandmarks(box(f.get("box"), 0), xy, aligned));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FaceBox box(JsonNode b, double score) {
        return new FaceBox(
                b.get("_x").asDouble(),
                b.get("_y").asDouble(),
                b.get("_width").asDouble(),
                b.get("_height").asDouble(),
                score);
    }

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
                FaceBox box = box(f.get("box"), f.get("score").asDouble());
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
