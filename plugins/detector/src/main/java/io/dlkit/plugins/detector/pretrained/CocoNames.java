package io.dlkit.plugins.detector.pretrained;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The 80 COCO class names in the order the pretrained detectors number them (Darknet's coco.names).
 */
public final class CocoNames {
    private static final List<String> NAMES = load();

    private CocoNames() {}

    private static final int[] COCO_IDS = {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 27,
        28, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 46, 47, 48, 49, 50, 51, 52, 53,
        54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 67, 70, 72, 73, 74, 75, 76, 77, 78, 79, 80,
        81, 82, 84, 85, 86, 87, 88, 89, 90
    };

    /**
     * The official COCO category id (1 to 90, with gaps) of class {@code classId} (0 to 79), as
     * COCO results files use.
     */
    public static int cocoCategoryId(int classId) {
        return COCO_IDS[classId];
    }

    /** The 80 names, index = class id. */
    public static List<String> all() {
        return NAMES;
    }

    private static List<String> load() {
        try (InputStream in = CocoNames.class.getResourceAsStream("coco.names")) {
            if (in == null) throw new IllegalStateException("coco.names is missing from the jar");
            var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
