package io.dlkit.plugins.face.embed;

import io.dlkit.api.CommandContext;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npy;
import io.dlkit.plugins.face.Face;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceRecognitionNet;
import io.dlkit.plugins.face.command.FaceOptions;
import io.dlkit.plugins.face.command.FaceOutput;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit face embed IMG|DIR...}: the 128-d descriptor of every face (detected, landmarked,
 * aligned as face-api does), one JSON line per face ({@code {image, face, box, descriptor}});
 * {@code --npy FILE} also writes them as a float32 {@code [faces, 128]} array, in the same order.
 */
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        description = {
            "Describe each face as a 128-d vector (face-api's face recognition net).",
            "e.g. dlkit face embed photos/ --npy faces.npy"
        })
public final class EmbedCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images or folders of them.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--npy", paramLabel = "FILE", description = "Also write the descriptors here.")
    Path npy;

    @Mixin FaceOptions options;

    private final CommandContext ctx;
    private final PretrainedModels store;

    /** dlkit injects the command context and the model store. */
    @Inject
    public EmbedCommand(CommandContext ctx, PretrainedModels store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        List<Path> files = FaceOptions.imageFiles(images);
        double min = options.minConfidence();
        if (npy != null) {
            ctx.writer().checkWritable(npy);
        }
        List<float[]> all = new ArrayList<>();
        try (FaceAnalyzer analyzer = options.open(ctx, store)) {
            for (Path file : files) {
                List<Face> faces = analyzer.analyze(FaceOptions.read(file), min);
                if (faces.isEmpty() && !ctx.settings().quiet()) {
                    ctx.err().println(file + ": no face found");
                    ctx.err().flush();
                }
                for (int i = 0; i < faces.size(); i++) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("image", file.toString());
                    line.put("face", i + 1);
                    line.put("box", FaceOutput.box(faces.get(i).box()));
                    line.put("descriptor", faces.get(i).descriptor());
                    FaceOutput.printJson(ctx, line);
                    all.add(faces.get(i).descriptor());
                }
            }
        }
        if (npy != null) {
            writeNpy(all);
        }
        return 0;
    }

    private void writeNpy(List<float[]> rows) {
        int d = FaceRecognitionNet.DESCRIPTOR_SIZE;
        float[] flat = new float[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * d, d);
        }
        NdArray array = NdArray.of(flat, rows.size(), d);
        ctx.writer().write(npy, out -> Npy.write(out, array));
        if (!ctx.settings().quiet()) {
            ctx.err().println("wrote " + npy + " (" + rows.size() + " x " + d + ")");
            ctx.err().flush();
        }
    }
}
