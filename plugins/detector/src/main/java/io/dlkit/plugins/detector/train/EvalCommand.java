package io.dlkit.plugins.detector.train;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.eval.ClassEvaluation;
import io.dlkit.plugins.detector.eval.YoloEvaluation;
import io.dlkit.plugins.detector.yolo.YoloModel;
import io.dlkit.plugins.detector.yolo.YoloModelDir;
import io.dlkit.plugins.detector.yolo.YoloRunner;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit detect eval MODEL --data DIR}: a YOLO model folder on a labelled set: mAP@0.5 (VOC),
 * mAP@[.5:.95] (COCO), per class, and the precision-recall curves at IoU 0.5 as {@code pr.png}
 * (plus {@code eval.json}) in {@code --out} (default {@code MODEL/eval}).
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate a YOLO model folder: mAP@0.5, mAP@[.5:.95] per class, PR curves.")
public final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A YOLO model folder.")
    Path model;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "DIR",
            description = "Labelled images (as detect train takes them).")
    Path data;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where pr.png and eval.json go (default MODEL/eval).")
    Path out;

    @Option(
            names = "--conf",
            defaultValue = "0.005",
            description = "Lowest score kept (default 0.005).")
    float conf;

    @Option(names = "--iou", defaultValue = "0.45", description = "NMS IoU (default 0.45).")
    float iou;

    @Option(
            names = "--method",
            defaultValue = "model",
            paramLabel = "model|sliding-window|rcnn",
            description =
                    "model (default): MODEL is a YOLO folder; sliding-window or rcnn: MODEL is an"
                            + " image classifier folder scored over windows or proposals.")
    String method;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public EvalCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Path root = ctx.settings().workDir();
        Path dir = root.resolve(model);
        if (method.equals("model") && !YoloModelDir.isYoloDir(dir)) {
            throw DlkitException.invalidInput(
                    model
                            + ": not a YOLO model folder (model.yaml with a yolo: section); train one with dlkit detect train");
        }
        DetectionData set = DetectionData.read(root.resolve(data));
        Path outDir = out == null ? dir.resolve("eval") : root.resolve(out);
        ctx.writer().checkWritable(outDir.resolve("pr.png"));
        ctx.writer().checkWritable(outDir.resolve("eval.json"));
        YoloEvaluation e;
        try (GraphContext g = ctx.openGraph()) {
            if (!method.equals("model")) {
                var detector =
                        io.dlkit.plugins.detector.pretrained.DetectorModels.open(
                                g, null, dir.toString(), method);
                if (!detector.classNames().equals(set.classNames())) {
                    throw DlkitException.invalidInput(
                            data
                                    + ": classes "
                                    + set.classNames()
                                    + " differ from the classifier's "
                                    + detector.classNames());
                }
                e =
                        YoloEvaluation.ofDetector(
                                set.truthInFractions(),
                                set.images(),
                                detector,
                                new NmsOptions(conf, iou, 100, false));
                return report(e, set, outDir);
            }
            YoloRunner r = YoloRunner.open(g, dir);
            YoloModel m = r.model();
            if (!m.classNames().equals(set.classNames())) {
                throw DlkitException.invalidInput(
                        data
                                + ": classes "
                                + set.classNames()
                                + " differ from the model's "
                                + m.classNames());
            }
            int size = m.inputSize();
            e =
                    YoloEvaluation.run(
                            set.truthInFractions(),
                            i -> set.image(i, size),
                            r::run,
                            m.decoder(),
                            new NmsOptions(conf, iou, 100, false),
                            16);
        }
        return report(e, set, outDir);
    }

    private int report(YoloEvaluation e, DetectionData set, Path outDir) throws IOException {
        Map<String, Object> doc = EvalReport.document(e, set.size());
        ctx.writer().prepareFolder(outDir, "--out");
        ctx.writer().write(outDir.resolve("pr.png"), o -> o.write(prPlot(e)));
        ctx.writer()
                .writeString(
                        outDir.resolve("eval.json"),
                        new com.fasterxml.jackson.databind.ObjectMapper()
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsString(doc));
        if (ctx.settings().json()) EvalReport.print(ctx, doc);
        else {
            ctx.out().println(EvalReport.table(doc));
            ctx.out().flush();
        }
        if (!ctx.settings().quiet()) {
            ctx.err().println("eval: precision-recall curves in " + outDir.resolve("pr.png"));
            ctx.err().flush();
        }
        return 0;
    }

    private static byte[] prPlot(YoloEvaluation e) {
        LinePlot p =
                new LinePlot(
                                String.format(
                                        java.util.Locale.ROOT,
                                        "Precision-recall at IoU 0.5 (mAP %.3f)",
                                        e.voc().map50()),
                                "recall",
                                "precision")
                        .yRange(0, 1)
                        .xRange(0, 1);
        for (ClassEvaluation c : e.voc().classes()) {
            if (c.groundTruths() == 0) continue;
            p.add(
                    String.format(java.util.Locale.ROOT, "%s %.3f", c.name(), c.ap50()),
                    c.curve().recall(),
                    c.curve().precision());
        }
        return p.png();
    }
}
