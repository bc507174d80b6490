package io.dlkit.plugins.detector.labels;

import java.nio.file.Path;

/** Reads required VOC fields, reporting the file and line of what is missing or malformed. */
final class VocFields {
    final Path file;

    VocFields(Path file) {
        this.file = file;
    }

    XmlTree.Node required(XmlTree.Node parent, String name) {
        XmlTree.Node n = parent.child(name);
        if (n == null) {
            throw LabelErrors.at(
                    file,
                    parent.line(),
                    "<" + parent.name() + "> has no <" + name + ">",
                    "add it as in a Pascal VOC annotation");
        }
        return n;
    }

    float number(XmlTree.Node parent, String name) {
        XmlTree.Node n = required(parent, name);
        try {
            float v = Float.parseFloat(n.text());
            if (Float.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw LabelErrors.at(
                file,
                n.line(),
                "<" + name + "> '" + n.text() + "' is not a number",
                "write pixels");
    }

    int positiveInt(XmlTree.Node parent, String name) {
        XmlTree.Node n = required(parent, name);
        try {
            int v = Integer.parseInt(n.text());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw LabelErrors.at(
                file,
                n.line(),
                "<" + name + "> '" + n.text() + "' is not a positive whole number",
                "write the image size in pixels");
    }
}
