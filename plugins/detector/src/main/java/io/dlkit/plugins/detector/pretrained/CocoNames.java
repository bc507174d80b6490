package io.dlkit.plugins.detector.pretrained;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The 80 COCO class names in the order the pretrained detectors number them (Darknet's coco.names). */
public final class CocoNames {
    private static final List<String> NAMES = load();

    private CocoNames() {}

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
