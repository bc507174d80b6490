package io.dlkit.cli.models;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.tfjs.GraphModelFile;
import io.dlkit.backend.tfjs.LayersModelFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Catalog models as graphs: the importer each entry names, and its image pre-processing. */
public final class GraphModels {
    private GraphModels() {}

    /** Whether {@code name} is a model of the catalog or the user catalog (not a file). */
    public static boolean isCatalogName(String name) {
        return name.matches("[A-Za-z0-9_.-]+")
                && ModelCatalog.forInvocation(
                                FetchSettings.fromEnvironment(System.getenv(), false).cache())
                        .contains(name);
    }

    /** Reads a verified entry file with the entry's importer. */
    static GraphModelFile read(CatalogEntry e, Path entryFile) {
        return switch (e.importer()) {
            case "tfjs-graph" -> GraphModelFile.read(entryFile);
            case "tfjs-layers-js", "tfjs-layers" -> LayersModelFile.read(entryFile);
            default ->
                    throw DlkitException.invalidInput(
                            e.name()
                                    + " is a "
                                    + e.importer()
                                    + " model: weights without a graph, which a network built in Java loads;"
                                    + " it cannot run on its own");
        };
    }

    /** {@code image} as the entry's input: RGB, bilinear resize, value * scale + offset. */
    static NdArray imageInput(CatalogEntry e, Path image) {
        CatalogEntry.Preprocess p = e.preprocess();
        if (p == null) {
            throw DlkitException.invalidInput(
                    e.name()
                            + " has no image input contract in the"
                            + " catalog; feed it from Java");
        }
        int h = p.size().get(0);
        int w = p.size().get(1);
        Image img;
        try {
            img = Images.resize(Images.read(image, 3), h, w);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        float[] hwc = img.data();
        float[] out = new float[hwc.length];
        boolean nchw = p.layout().equals("NCHW");
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = hwc[(y * w + x) * 3 + c] * 255.0 * p.scale() + p.offset();
                    out[nchw ? c * h * w + y * w + x : (y * w + x) * 3 + c] = (float) v;
                }
            }
        }
        return nchw ? NdArray.of(out, 1, 3, h, w) : NdArray.of(out, 1, h, w, 3);
    }
}
