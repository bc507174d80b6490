package io.dlkit.plugins.detector.anchors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.plugins.detector.labels.LabelSet;
import io.dlkit.plugins.detector.labels.LabelSources;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dlkit detect anchors --labels DIR --k 5}: k-means anchors over the label boxes (distance
 * {@code 1 - IoU}), printed with their mean IoU and that of the default anchors. The seed is the
 * global {@code --seed}.
 */
@Command(
        name = "anchors",
        mixinStandardHelpOptions = true,
        description = "Choose anchor boxes by k-means (distance 1 - IoU) over labelled boxes.")
public final class AnchorsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(
            names = "--labels",
            required = true,
            paramLabel = "PATH",
            description = "YOLO .txt or VOC .xml label folder, or a COCO instances .json.")
    Path labels;

    @Option(names = "--k", defaultValue = "5", description = "Number of anchors (default 5).")
    int k;

    @Option(
            names = "--grid",
            defaultValue = "13",
            description = "Grid size for anchors in cells (default 13, a 416 input).")
    int grid;

    @Option(
            names = "--iterations",
            defaultValue = "300",
            description = "Most k-means rounds (default 300).")
    int iterations;

    @Option(
            names = "--restarts",
            defaultValue = "10",
            description = "k-means runs from fresh seedings; the best is kept (default 10).")
    int restarts;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public AnchorsCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        if (k < 1 || grid < 1 || iterations < 1) {
            throw DlkitException.invalidInput(
                    "detect anchors: --k, --grid and --iterations must be >= 1, got "
                            + k
                            + ", "
                            + grid
                            + ", "
                            + iterations);
        }
        LabelSet set = LabelSources.read(ctx.settings().workDir().resolve(labels), List.of());
        int boxes = set.images().stream().mapToInt(i -> i.objects().size()).sum();
        if (boxes < k) {
            throw DlkitException.invalidInput(
                    "detect anchors: "
                            + labels
                            + " holds "
                            + boxes
                            + " boxes, fewer than --k "
                            + k
                            + "; give more labels or a smaller --k");
        }
        AnchorReport report =
                AnchorReport.of(set, k, ctx.settings().seed(), grid, iterations, restarts);
        PrintWriter out = ctx.out();
        out.println(ctx.settings().json() ? json(report) : table(report));
        out.flush();
        return 0;
    }

    private static String table(AnchorReport r) {
        StringBuilder s = new StringBuilder();
        s.append(
                String.format(
                        "%-4s%-10s%-10s%-12s%-12s%n",
                        "#", "WIDTH", "HEIGHT", "W (CELLS)", "H (CELLS)"));
        List<BoxSize> a = r.clusters().anchors();
        for (int i = 0; i < a.size(); i++) {
            s.append(
                    String.format(
                            Locale.ROOT,
                            "%-4d%-10.4f%-10.4f%-12.3f%-12.3f%n",
                            i,
                            a.get(i).width(),
                            a.get(i).height(),
                            a.get(i).width() * r.grid(),
                            a.get(i).height() * r.grid()));
        }
        s.append(
                String.format(
                        Locale.ROOT,
                        "mean IoU %.4f over %d boxes (default yolov2-tiny-voc anchors: %.4f)%n",
                        r.clusters().meanIou(),
                        r.boxes(),
                        r.defaultMeanIou()));
        s.append("anchors = ").append(r.cfgAnchors());
        return s.toString();
    }

    private static String json(AnchorReport r) {
        List<Map<String, Object>> anchors = new ArrayList<>();
        for (BoxSize a : r.clusters().anchors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("width", a.width());
            m.put("height", a.height());
            m.put("width_cells", a.width() * r.grid());
            m.put("height_cells", a.height() * r.grid());
            anchors.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("k", anchors.size());
        doc.put("boxes", r.boxes());
        doc.put("grid", r.grid());
        doc.put("iterations", r.clusters().iterations());
        doc.put("mean_iou", r.clusters().meanIou());
        doc.put("default_mean_iou", r.defaultMeanIou());
        doc.put("anchors", anchors);
        doc.put("cfg_anchors", r.cfgAnchors());
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
