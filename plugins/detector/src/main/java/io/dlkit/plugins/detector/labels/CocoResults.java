package io.dlkit.plugins.detector.labels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dlkit.backend.io.AtomicFiles;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * COCO detection results, the file {@code pycocotools}' {@code loadRes} and the evaluation server
 * read: a JSON array of {@code {"image_id", "category_id", "bbox": [x, y, w, h], "score"}}, boxes
 * in pixels of the original image.
 */
public final class CocoResults {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One detection as COCO wants it.
     *
     * @param box in pixels of the original image, corner form (written as {@code [x, y, w, h]})
     */
    public record Result(long imageId, int categoryId, BoundingBox box, float score) {}

    private CocoResults() {}

    /** The results as COCO JSON text. */
    public static String toJson(List<Result> results) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Result r : results) {
            ObjectNode o = array.addObject();
            o.put("image_id", r.imageId());
            o.put("category_id", r.categoryId());
            ArrayNode bbox = o.putArray("bbox");
            bbox.add(round(r.box().x1()));
            bbox.add(round(r.box().y1()));
            bbox.add(round(r.box().width()));
            bbox.add(round(r.box().height()));
            o.put("score", round(r.score()));
        }
        return array.toString();
    }

    /** Writes the results atomically. */
    public static void write(Path file, List<Result> results) throws IOException {
        AtomicFiles.write(file, toJson(results).getBytes(StandardCharsets.UTF_8));
    }

    /** Three decimals are plenty for pixels and scores and keep the file small. */
    private static double round(float v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
