package io.dlkit.plugins.face.command;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.ModelFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The options every {@code dlkit face} command shares, and the helpers they need. */
public final class FaceOptions {
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

    @Option(
            names = "--models",
            paramLabel = "DIR",
            description =
                    "Folder of face-api's weights (*-weights_manifest.json + .bin) to use instead"
                            + " of the model store's (dlkit models list).")
    Path models;

    @Option(
            names = "--min-confidence",
            paramLabel = "P",
            defaultValue = "0.5",
            description = "Smallest detection score kept (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(
            names = "--detector",
            paramLabel = "ssd|tiny",
            defaultValue = "ssd",
            description =
                    "Face detector: ssd (SSD MobileNet-V1, the default) or tiny (Tiny-YOLOv2).")
    String detector;

    @Option(
            names = "--input-size",
            paramLabel = "N",
            defaultValue = "416",
            description = "The tiny detector's input side, a multiple of 32 (default: 416).")
    int inputSize;

    /** The {@code --models} folder, or null. */
    public Path models() {
        return models;
    }

    /** The minimum detection score. */
    public double minConfidence() {
        if (minConfidence < 0 || minConfidence >= 1) {
            throw DlkitException.invalidInput(
                    "--min-confidence must be in [0, 1), got " + minConfidence);
        }
        return minConfidence;
    }

    /** The weights: the {@code --models} folder if given, else the model store's. */
    public ModelFolder weights(PretrainedModels store) {
        return ModelFolder.resolve(models, store);
    }

    /** An analyser over the chosen weights, on the graph the user's options describe. */
    public FaceAnalyzer open(CommandContext ctx, PretrainedModels store) {
        ModelFolder folder = weights(store);
        if (!detector.equals("ssd") && !detector.equals("tiny")) {
            throw DlkitException.invalidInput(
                    "--detector must be ssd or tiny, got '" + detector + "'");
        }
        if (inputSize < 32 || inputSize % 32 != 0) {
            throw DlkitException.invalidInput(
                    "--input-size must be a multiple of 32, got " + inputSize);
        }
        FaceAnalyzer analyzer = new FaceAnalyzer(folder, ctx.openGraph());
        return detector.equals("tiny") ? analyzer.useTinyDetector(inputSize) : analyzer;
    }

    /** Files as they are and folders as every image under them, sorted. */
    public static List<Path> imageFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    List<Path> found =
                            s.filter(Files::isRegularFile)
                                    .filter(FaceOptions::isImage)
                                    .sorted()
                                    .toList();
                    if (found.isEmpty()) {
                        throw DlkitException.invalidInput(
                                p + ": no images (.bmp, .gif, .jpeg, .jpg, .png) in this folder");
                    }
                    files.addAll(found);
                } catch (IOException e) {
                    throw DlkitException.invalidInput(p + ": cannot list: " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw DlkitException.invalidInput(p + ": no such file or folder");
            }
        }
        return files;
    }

    /** Reads an image file, with a one-line error naming it when it is not an image. */
    public static FaceImage read(Path file) {
        try {
            return FaceImage.read(file);
        } catch (NoSuchFileException e) {
            throw DlkitException.invalidInput(file + ": no such file");
        } catch (DataFormatException e) {
            throw DlkitException.invalidInput(e.getMessage());
        } catch (IOException e) {
            throw DlkitException.invalidInput(file + ": cannot read: " + e.getMessage());
        }
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".")
                && dot > 0
                && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
