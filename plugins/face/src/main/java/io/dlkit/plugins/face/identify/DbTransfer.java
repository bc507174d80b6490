package io.dlkit.plugins.face.identify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The face database as a JSON file, for {@code dlkit face db export | import}:
 *
 * <pre>
 * {"format": "dlkit-face-db", "version": 1,
 *  "model": "face-api/face_recognition_model@3d1c7c3e1f0a5a2b",
 *  "faces": [{"name": "alice", "descriptor": [-0.0912, 0.1034, ...128 numbers],
 *             "image_sha256": "9f86d08...", "box": {"x": 10.5, "y": 20.0, "width": 80.2,
 *             "height": 96.1}, "added": "2026-12-06T04:30:00.123Z"}]}
 * </pre>
 *
 * {@code model} is the id of the recognition weights that computed every descriptor (a database
 * holds one model's descriptors only); {@code box} is the face in the source image in pixels;
 * {@code added} is the enrolment time in UTC. Descriptors are written as the shortest decimal that
 * reads back as the same 32-bit float, so export then import is lossless.
 */
public final class DbTransfer {
    /** The {@code format} value. */
    public static final String FORMAT = "dlkit-face-db";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DbTransfer() {}

    /** Writes {@code entries} (of one model, or none) to {@code file}. */
    public static void write(Path file, String model, List<FaceDatabase.Entry> entries) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("format", FORMAT).put("version", 1).put("model", model);
        ArrayNode faces = doc.putArray("faces");
        for (FaceDatabase.Entry e : entries) {
            ObjectNode f = faces.addObject().put("name", e.name());
            ArrayNode d = f.putArray("descriptor");
            for (float v : e.descriptor()) {
                d.add(v);
            }
            f.put("image_sha256", e.imageSha256());
            f.set("box", box(e.box()));
            f.put("added", e.added());
        }
        try {
            JSON.writeValue(file.toFile(), doc);
        } catch (IOException e) {
            throw DlkitException.failed(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * The entries of an exported file.
     *
     * @throws DlkitException (bad input) naming the file and what is wrong with it
     */
    public static List<FaceDatabase.Entry> read(Path file) {
        JsonNode doc;
        try {
            doc = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw bad(file, "not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (doc == null || !FORMAT.equals(doc.path("format").asText())) {
            throw bad(
                    file, "no \"format\": \"" + FORMAT + "\"; is it from 'dlkit face db export'?");
        }
        String model = doc.path("model").asText("");
        if (model.isEmpty() && !doc.path("faces").isEmpty()) {
            throw bad(file, "no \"model\" for its faces");
        }
        List<FaceDatabase.Entry> out = new ArrayList<>();
        int i = 0;
        for (JsonNode f : doc.path("faces")) {
            out.add(entry(file, model, f, i++));
        }
        return out;
    }

    private static FaceDatabase.Entry entry(Path file, String model, JsonNode f, int i) {
        String name = f.path("name").asText("");
        JsonNode d = f.path("descriptor");
        if (name.isBlank() || !d.isArray() || d.isEmpty() || d.size() % 4 != 0) {
            throw bad(file, "faces[" + i + "] needs a name and a descriptor of 4k numbers");
        }
        float[] v = new float[d.size()];
        for (int k = 0; k < v.length; k++) {
            if (!d.get(k).isNumber()) {
                throw bad(file, "faces[" + i + "].descriptor[" + k + "] is not a number");
            }
            v[k] = d.get(k).floatValue();
        }
        JsonNode b = f.path("box");
        String box =
                b.isObject()
                        ? b.path("x").asText()
                                + ","
                                + b.path("y").asText()
                                + ","
                                + b.path("width").asText()
                                + ","
                                + b.path("height").asText()
                        : "";
        return new FaceDatabase.Entry(
                name, model, v, f.path("image_sha256").asText(""), box, f.path("added").asText(""));
    }

    private static JsonNode box(String box) {
        ObjectNode b = JSON.createObjectNode();
        String[] p = box.split(",");
        if (p.length == 4) {
            String[] keys = {"x", "y", "width", "height"};
            for (int k = 0; k < 4; k++) {
                b.put(keys[k], Double.parseDouble(p[k]));
            }
        }
        return b;
    }

    private static DlkitException bad(Path file, String what) {
        return DlkitException.invalidInput(file + ": " + what);
    }
}
