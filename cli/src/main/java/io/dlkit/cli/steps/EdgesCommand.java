package io.dlkit.cli.steps;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.backend.image.EdgeDetector;
import io.dlkit.backend.image.EdgeFilter;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.cli.output.Json;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit edges IMG [--filter vertical|horizontal|sobel|scharr] [--out FILE]}: the edge
 * strength of an image as a grey PNG or JPEG, computed as {@code image/edges} does (the notes'
 * kernels as a TensorFlow convolution on the chosen device), written atomically; an existing file
 * is replaced only with {@code --overwrite}.
 */
@Command(
        name = "edges",
        mixinStandardHelpOptions = true,
        description =
                "Detect edges in an image with the vertical, horizontal, Sobel or Scharr kernels"
                        + " (a TensorFlow convolution) and write the edge strength as a grey image.")
public final class EdgesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IMG", description = "The image (PNG, JPEG, BMP, GIF).")
    Path image;

    @Option(
            names = "--filter",
            paramLabel = "NAME",
            defaultValue = "sobel",
            description =
                    "vertical or horizontal (|response|), sobel or scharr (sqrt(v^2 + h^2));"
                            + " default: ${DEFAULT-VALUE}.")
    String filter;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description =
                    "The image to write, .png or .jpg (default: IMG's name + -edges.png, here).")
    Path out;

    private final CommandContext ctx;

    @Inject
    EdgesCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        EdgeFilter edgeFilter = EdgesStep.filter(filter);
        Path source = ctx.settings().workDir().resolve(image);
        Path target = ctx.settings().workDir().resolve(out != null ? out : defaultOut(image));
        checkExtension(target);
        ctx.writer().checkWritable(target);
        Image input = EdgesStep.checked(read(source));
        Image edges;
        try (GraphContext graph = ctx.openGraph()) {
            edges =
                    new EdgeDetector(graph, edgeFilter, EdgeDetector.Padding.REFLECT)
                            .normalised(input);
        }
        write(target, edges);
        print(edgeFilter, source, target, edges);
        return 0;
    }

    static Path defaultOut(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of((dot > 0 ? name.substring(0, dot) : name) + "-edges.png");
    }

    private static void checkExtension(Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (OutputFiles.IMAGE_EXTENSIONS.stream().noneMatch(name::endsWith)) {
            throw DlkitException.invalidInput(
                    "--out " + target + " must end in .png, .jpg or .jpeg");
        }
    }

    private static Image read(Path source) {
        try {
            return Images.read(source);
        } catch (IOException | DataFormatException e) {
            throw StepErrors.readFailure(source, e);
        }
    }

    private void write(Path target, Image edges) {
        ctx.writer().checkWritable(target);
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Images.write(target, edges);
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED,
                    "cannot write " + target + ": " + StepErrors.oneLine(e.getMessage()),
                    e);
        }
    }

    private void print(EdgeFilter edgeFilter, Path source, Path target, Image edges) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("image", source.toString());
        result.put("filter", edgeFilter.displayName());
        result.put("width", edges.width());
        result.put("height", edges.height());
        result.put("out", target.toString());
        PrintWriter o = ctx.out();
        if (ctx.settings().json()) {
            Json.print(o, result);
            return;
        }
        result.forEach((k, v) -> o.println(k + ": " + v));
        o.flush();
    }
}
