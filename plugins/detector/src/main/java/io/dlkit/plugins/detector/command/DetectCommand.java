package io.dlkit.plugins.detector.command;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.plugins.detector.anchors.AnchorsCommand;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.pretrained.DetectorModels;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit detect IMAGE|DIR|LIST.txt}: finds COCO-80 objects with a pretrained detector
 * (NanoDet, bundled, by default), prints them and writes annotated copies; {@code dlkit detect
 * anchors} chooses YOLO anchors. The options are read by {@link DetectRun}.
 */
@Extension
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = {
            "Detect objects (80 COCO classes) in an image, a folder or a .txt list of images.",
            "Prints the detections and writes annotated copies (default runs/detect/expN)."
        },
        subcommands = {
            AnchorsCommand.class,
            io.dlkit.plugins.detector.darknet.ImportCommand.class,
            io.dlkit.plugins.detector.darknet.ExportCommand.class,
            io.dlkit.plugins.detector.train.TrainCommand.class,
            io.dlkit.plugins.detector.train.EvalCommand.class,
            io.dlkit.plugins.detector.synthetic.ShapesCommand.class,
            io.dlkit.plugins.detector.methods.ProposalsCommand.class,
            io.dlkit.plugins.detector.methods.CropsCommand.class,
            io.dlkit.plugins.detector.yolo.ForwardCommand.class
        })
public final class DetectCommand implements CommandProvider, Callable<Integer> {
    @Parameters(
            arity = "0..*",
            paramLabel = "IMAGE|DIR|LIST.txt",
            description = "Images, folders of images or .txt files listing image paths.")
    List<Path> sources;

    @Option(
            names = "--model",
            defaultValue = DetectorModels.DEFAULT,
            paramLabel = "NAME|DIR",
            description =
                    "nanodet (default, bundled), centernet (fetched on first use) or a folder with a TF.js graph model.json.")
    String model;

    @Option(
            names = "--method",
            defaultValue = "model",
            paramLabel = "model|sliding-window|rcnn",
            description =
                    "model (default): the --model detector; sliding-window or rcnn: score windows or"
                            + " selective-search proposals with the image classifier folder --model.")
    String method;

    @Option(names = "--conf", defaultValue = "0.25", description = "Minimum score (default 0.25).")
    float conf;

    @Option(
            names = "--iou",
            defaultValue = "0.45",
            description = "IoU above which non-max suppression drops a box (default 0.45).")
    float iou;

    @Option(
            names = "--classes",
            split = ",",
            paramLabel = "NAME",
            description = "Keep only these classes, e.g. person,dog.")
    List<String> classes;

    @Option(
            names = "--max-det",
            defaultValue = "300",
            paramLabel = "N",
            description = "At most N detections per image (default 300).")
    int maxDet;

    @Option(names = "--agnostic", description = "Suppress across classes (one box per object).")
    boolean agnostic;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Where annotated images go (default runs/detect/exp, exp2, ... whichever is new).")
    Path out;

    @Option(
            names = "--save-txt",
            description =
                    "Also write YOLO labels (class cx cy w h, normalised) to OUT/labels/NAME.txt.")
    boolean saveTxt;

    @Option(
            names = "--save-coco",
            paramLabel = "FILE",
            description = "Also write every detection as COCO results JSON.")
    Path saveCoco;

    @Option(
            names = "--strict",
            description = "Stop at the first unreadable image (exit 2) instead of skipping it.")
    boolean strict;

    private final CommandContext ctx;
    private final PretrainedModels models;

    /** dlkit creates it with the command context and the model store. */
    @Inject
    public DetectCommand(CommandContext ctx, PretrainedModels models) {
        this.ctx = ctx;
        this.models = models;
    }

    @Override
    public Object command() {
        return this;
    }

    /** Detects objects in {@code sources}; without it, a usage error naming the forms. */
    @Override
    public Integer call() throws Exception {
        if (sources == null || sources.isEmpty()) {
            throw DlkitException.invalidInput(
                    "detect: missing IMAGE, folder or list; use 'dlkit detect photo.jpg' or"
                            + " 'dlkit detect anchors --labels DIR --k 5'");
        }
        NmsOptions nms = nmsOptions();
        return new DetectRun(ctx, models, this, nms).run();
    }

    private NmsOptions nmsOptions() {
        if (!(conf >= 0 && conf <= 1) || !(iou >= 0 && iou <= 1)) {
            throw DlkitException.invalidInput(
                    "detect: --conf and --iou must be in [0, 1], got " + conf + " and " + iou);
        }
        if (maxDet < 1) {
            throw DlkitException.invalidInput("detect: --max-det must be >= 1, got " + maxDet);
        }
        return new NmsOptions(conf, iou, maxDet, agnostic);
    }
}
