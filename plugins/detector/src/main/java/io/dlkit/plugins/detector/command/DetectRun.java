package io.dlkit.plugins.detector.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.image.Drawing;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.plugins.detector.ObjectDetector;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.Detections;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.labels.CocoResults;
import io.dlkit.plugins.detector.pretrained.DetectorModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code dlkit detect} run: the detector opened once, then each image read, detected, printed
 * and written in turn (only the COCO results are kept until the end), a bad image reported and
 * skipped unless {@code --strict}.
 */
final class DetectRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CommandContext ctx;
    private final PretrainedModels models;
    private final DetectCommand options;
    private final NmsOptions nms;
    private final List<CocoResults.Result> coco = new ArrayList<>();
    private List<String> names = List.of();
    private java.util.function.IntUnaryOperator categoryId = c -> c + 1;

    DetectRun(CommandContext ctx, PretrainedModels models, DetectCommand options, NmsOptions nms) {
        this.ctx = ctx;
        this.models = models;
        this.options = options;
        this.nms = nms;
    }

    int run() throws IOException {
        Path root = ctx.settings().workDir();
        List<Path> images = new ArrayList<>();
        for (Path source : options.sources)
            images.addAll(ImageInputs.resolve(root.resolve(source)));
        Path outDir = OutputFolder.choose(root, options.out, ctx.settings().overwrite());
        Path cocoFile = options.saveCoco == null ? null : root.resolve(options.saveCoco);
        if (cocoFile != null) ctx.writer().checkWritable(cocoFile);
        int skipped = 0;
        int found = 0;
        try (GraphContext g = ctx.openGraph()) {
            ObjectDetector detector = DetectorModels.open(g, models, modelSpec(), options.method);
            names = detector.classNames();
            categoryId = detector::categoryId;
            Set<Integer> keep = classFilter();
            ProgressLine progress =
                    new ProgressLine(ctx.err(), images.size(), ctx.settings().quiet());
            for (int i = 0; i < images.size(); i++) {
                Path file = images.get(i);
                Image image;
                try {
                    image = ImageGuard.read(file);
                } catch (DataFormatException | IOException e) {
                    if (options.strict) {
                        throw DlkitException.invalidInput("detect: " + oneLine(e) + " (--strict)");
                    }
                    ctx.err().println("warning: skipped " + oneLine(e));
                    skipped++;
                    progress.update(i + 1);
                    continue;
                }
                ImageResult r = detect(detector, file, image, keep);
                found += r.detections().size();
                report(r);
                write(outDir, r, image, i + 1);
                progress.update(i + 1);
            }
        }
        if (cocoFile != null) ctx.writer().writeString(cocoFile, CocoResults.toJson(coco));
        if (!ctx.settings().quiet()) {
            ctx.err()
                    .printf(
                            "detect: %d image(s), %d object(s), %d skipped; annotated images in"
                                    + " %s%n",
                            images.size() - skipped, found, skipped, outDir);
        }
        return 0;
    }

    /** A model folder is resolved against the working folder; a store name stays as it is. */
    private String modelSpec() {
        Path p = ctx.settings().workDir().resolve(options.model);
        return Files.isDirectory(p) ? p.toString() : options.model;
    }

    private ImageResult detect(ObjectDetector detector, Path file, Image image, Set<Integer> keep) {
        List<Detection> all = detector.detect(image, nms);
        List<Detection> kept =
                keep == null ? all : all.stream().filter(d -> keep.contains(d.classId())).toList();
        // shown as the user wrote it: relative to where dlkit runs when it is under it
        Path root = ctx.settings().workDir().toAbsolutePath();
        Path shown =
                file.toAbsolutePath().startsWith(root)
                        ? root.relativize(file.toAbsolutePath())
                        : file;
        return new ImageResult(shown, image.width(), image.height(), kept, names);
    }

    private void report(ImageResult r) throws IOException {
        if (ctx.settings().format().equals("json")) {
            ctx.out().println(JSON.writeValueAsString(r.toJson()));
        } else {
            r.tableLines().forEach(ctx.out()::println);
        }
        ctx.out().flush();
    }

    private void write(Path outDir, ImageResult r, Image image, int index) throws IOException {
        String name = r.file().getFileName().toString();
        String ext = ImageInputs.extension(r.file());
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        Path annotated =
                outDir.resolve(
                        ext.equals("jpg") || ext.equals("jpeg") || ext.equals("png")
                                ? name
                                : stem + ".png");
        ctx.writer().checkWritable(annotated);
        Files.createDirectories(outDir);
        Images.write(annotated, Drawing.drawBoxes(image, bestOnTop(r.detections())));
        if (options.saveTxt) {
            Path labels = outDir.resolve("labels").resolve(stem + ".txt");
            Files.createDirectories(labels.getParent());
            ctx.writer().writeString(labels, r.yoloLabels());
        }
        if (options.saveCoco != null) {
            long imageId = imageId(stem, index);
            for (Detection d : r.detections()) {
                coco.add(
                        new CocoResults.Result(
                                imageId, categoryId.applyAsInt(d.classId()), d.box(), d.score()));
            }
        }
    }

    /** Drawn lowest score first, so the best detection's tag ends on top where tags overlap. */
    private List<io.dlkit.backend.image.Box> bestOnTop(List<Detection> detections) {
        List<io.dlkit.backend.image.Box> boxes =
                new ArrayList<>(Detections.toImageBoxes(detections, names));
        java.util.Collections.reverse(boxes);
        return boxes;
    }

    /** COCO's numeric file names ({@code 000000397133.jpg}) are their ids; else the position. */
    private static long imageId(String stem, int index) {
        return stem.matches("\\d{1,18}") ? Long.parseLong(stem) : index;
    }

    private Set<Integer> classFilter() {
        if (options.classes == null || options.classes.isEmpty()) return null;
        Set<Integer> ids = new HashSet<>();
        for (String c : options.classes) {
            int id = names.indexOf(c.strip());
            if (id < 0) {
                throw DlkitException.invalidInput(
                        "detect: --classes "
                                + c
                                + " is not one of the model's classes ("
                                + String.join(", ", names.subList(0, Math.min(8, names.size())))
                                + (names.size() > 8 ? ", ..." : "")
                                + ")");
            }
            ids.add(id);
        }
        return ids;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
