package io.dlkit.plugins.detector.labels;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import java.nio.file.Path;

/** Parses one {@code class cx cy w h} line of a YOLO label file. */
final class YoloLine {
    private static final String FIX = "each line is 'class cx cy w h' with cx, cy, w, h in [0, 1]";

    private YoloLine() {}

    static LabeledBox parse(String line, int classCount, Path file, int lineNo) {
        String[] f = line.split("\\s+");
        if (f.length != 5) {
            throw LabelErrors.at(
                    file, lineNo, "expected 5 fields 'class cx cy w h', got " + f.length, FIX);
        }
        int cls = classIndex(f[0], classCount, file, lineNo);
        float cx = fraction(f[1], "cx", file, lineNo);
        float cy = fraction(f[2], "cy", file, lineNo);
        float w = fraction(f[3], "w", file, lineNo);
        float h = fraction(f[4], "h", file, lineNo);
        if (w <= 0 || h <= 0) {
            throw LabelErrors.at(
                    file, lineNo, "box size " + f[3] + " x " + f[4] + " is empty", FIX);
        }
        return new LabeledBox(cls, BoundingBox.fromCenter(cx, cy, w, h));
    }

    private static int classIndex(String s, int classCount, Path file, int lineNo) {
        int cls;
        try {
            cls = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw LabelErrors.at(file, lineNo, "class '" + s + "' is not a whole number", FIX);
        }
        if (cls < 0 || (classCount > 0 && cls >= classCount)) {
            String range = classCount > 0 ? "0.." + (classCount - 1) : ">= 0";
            throw LabelErrors.at(
                    file,
                    lineNo,
                    "class " + cls + " is out of range " + range,
                    "use a class index of classes.txt");
        }
        return cls;
    }

    private static float fraction(String s, String name, Path file, int lineNo) {
        float v;
        try {
            v = Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw LabelErrors.at(file, lineNo, name + " '" + s + "' is not a number", FIX);
        }
        if (!(v >= 0 && v <= 1)) {
            throw LabelErrors.at(
                    file, lineNo, name + " " + s + " is outside [0, 1]", FIX + " (not pixels)");
        }
        return v;
    }
}
