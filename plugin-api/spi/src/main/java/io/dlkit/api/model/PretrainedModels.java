package io.dlkit.api.model;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.GraphModel;
import io.dlkit.backend.tfjs.NamedTensors;
import java.nio.file.Path;
import java.util.List;

/**
 * The host's pretrained models by name ({@code dlkit models list}): each file is verified against
 * the catalog's SHA-256 before every load and fetched on first use (one line on stderr) unless the
 * user is offline. Inject it into an extension.
 *
 * <pre>{@code
 * try (GraphContext g = ctx.openGraph()) {
 *     GraphModel detector = models.openGraph(g, "centernet");
 *     NdArray boxes = detector.run(Map.of("tower_0/images", image)).get("tower_0/detections");
 * }
 * }</pre>
 */
public interface PretrainedModels {
    /** The catalog's model names, in catalog order. */
    List<String> names();

    /**
     * The verified file the model's importer opens (its {@code model.json}, manifest or bundle),
     * fetched first if needed; the model's other files are beside it.
     *
     * @throws io.dlkit.api.DlkitException exit 2 for an unknown name, a damaged file (naming it and
     *     {@code dlkit models pull NAME --force}) or a missing file while offline; exit 4 when it
     *     cannot be fetched
     */
    Path require(String name);

    /**
     * Imports a graph model (TF.js graph or layers model) into {@code graph}.
     *
     * @throws io.dlkit.api.DlkitException (exit 2) if the model has no graph (a weights manifest)
     */
    GraphModel openGraph(GraphContext graph, String name);

    /**
     * The dequantised tensors of a weights-manifest model (face-api's nets), for an architecture
     * built in Java that loads them by name and shape.
     */
    NamedTensors weights(String name);
}
