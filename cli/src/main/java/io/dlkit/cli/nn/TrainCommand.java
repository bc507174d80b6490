package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dlkit train}: trains a network described by a model file on a data set. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train a network from a model file (YAML/JSON) on CSV, NPZ, IDX or image-folder data.",
            "Writes a model directory: model.yaml, checkpoint/, metrics.csv, metrics.json, manifest.json"
                    + " (and curves.png with --plot)."
        })
public final class TrainCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            paramLabel = "FILE",
            description = "Model file (.yaml or .json); not needed with --resume.")
    Path model;

    @Option(
            names = "--data",
            paramLabel = "PATH[@FROM:TO]",
            description =
                    "Training data: a .csv, .npz, an IDX *-images-idx3-ubyte[.gz] file, an MNIST-style folder, or an"
                            + " image folder (one sub-folder of images per class, resized to the model's input); @FROM:TO picks rows.")
    String data;

    @Option(
            names = "--split",
            paramLabel = "train|t10k",
            defaultValue = "train",
            description =
                    "Which split of an MNIST-style folder --data names (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--val",
            paramLabel = "PATH[@FROM:TO]",
            description = "Validation data (a folder means its t10k split).")
    String val;

    @Option(
            names = "--val-split",
            paramLabel = "F",
            defaultValue = "0",
            description = "Hold out the last fraction F of the training data for validation.")
    double valSplit;

    @Option(
            names = "--test",
            paramLabel = "PATH[@FROM:TO]",
            description = "Test data evaluated after training (a folder means its t10k split).")
    String test;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Epochs to train to (default: 10; with --resume, as recorded).")
    Integer epochs;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            defaultValue = "64",
            description = "Mini-batch size; 1 = stochastic (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--optimizer",
            paramLabel = "NAME",
            defaultValue = "adam",
            description = "gd, momentum, rmsprop, adam, or a plugin's (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(
            names = "--opt",
            paramLabel = "KEY=VALUE",
            description = "Optimizer hyperparameter, e.g. --opt beta1=0.9 (repeatable).")
    Map<String, String> optimizerConfig = new LinkedHashMap<>();

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            defaultValue = "0.001",
            description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(
            names = "--lr-schedule",
            paramLabel = "SPEC",
            defaultValue = "constant",
            description =
                    "constant, inverse_time:decay_rate=1, exponential:rate=0.95, piecewise:boundaries=1000|2000,values=0.1|0.01|0.001, list:0.1|0.05")
    String schedule;

    @Option(
            names = "--l2",
            paramLabel = "LAMBDA",
            defaultValue = "0",
            description = "L2 regularization strength (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(
            names = "--clip-value",
            paramLabel = "V",
            defaultValue = "0",
            description = "Clip gradients to [-V, V] (0 = off).")
    double clipValue;

    @Option(
            names = "--clip-norm",
            paramLabel = "N",
            defaultValue = "0",
            description = "Clip the gradients' global norm to N (0 = off).")
    double clipNorm;

    @Option(
            names = "--loss",
            paramLabel = "NAME",
            defaultValue = "auto",
            description =
                    "auto (from the output activation), categorical_crossentropy, binary_crossentropy,"
                            + " mse, or a loss a plugin contributes (e.g. focal); for a model with"
                            + " named outputs one per output: OUT=NAME,OUT2=NAME (none: not trained).")
    String loss;

    @Option(
            names = "--loss-weights",
            paramLabel = "OUT=W,...",
            description =
                    "A model with named outputs: each output's weight in the total loss, e.g."
                            + " cls=1,reg=0.5 (default: the model file's, else 1).")
    String lossWeights;

    @Option(
            names = "--augment",
            paramLabel = "SPEC",
            defaultValue = "none",
            description =
                    "Augment training batches (never evaluation): flip (random left-right flip), crop:P (zero-pad"
                            + " P pixels and crop back: random shifts up to P), e.g. flip,crop:4 (default: ${DEFAULT-VALUE}).")
    String augment;

    @Option(
            names = "--normalize",
            paramLabel = "none|scale|standardize",
            defaultValue = "none",
            description =
                    "Input normalization stored with the model: none; scale (check features are in [0, 1], as"
                            + " image and IDX loaders give); standardize (per-channel mean/std of the training data)"
                            + " (default: ${DEFAULT-VALUE}).")
    String normalize;

    @Option(
            names = "--early-stopping",
            paramLabel = "METRIC[:PATIENCE]",
            description =
                    "Stop when METRIC (loss, accuracy, val_loss, val_accuracy, or a metric of the"
                            + " loss such as val_bce) has not improved for PATIENCE epochs (default 3).")
    String earlyStopping;

    @Option(
            names = "--checkpoint-every",
            paramLabel = "STEPS",
            defaultValue = "0",
            description = "Also checkpoint every STEPS steps (epoch ends always).")
    int checkpointEvery;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Model directory to write (default: runs/<model file name>).")
    Path out;

    @Option(
            names = "--resume",
            description = "Continue the training recorded in --out exactly where it stopped.")
    boolean resume;

    @Option(names = "--plot", description = "Write loss and accuracy curves to curves.png.")
    boolean plot;

    @Option(
            names = "--freeze",
            paramLabel = "LAYER",
            description =
                    "Freeze every layer up to and including LAYER (trainable: false in model.yaml).")
    String freeze;

    @Option(
            names = "--init-from",
            paramLabel = "DIR",
            description =
                    "Start from the trained weights of model directory DIR for the layers whose"
                            + " names and shapes match; reports what was and was not taken.")
    Path initFrom;

    @Option(
            names = "--engine",
            paramLabel = "local|spark",
            description =
                    "Train in this process (local, the default) or data-parallel on Apache Spark"
                            + " (needs the Spark add-on).")
    String engine;

    @Option(
            names = "--workers",
            paramLabel = "N",
            description =
                    "--engine spark: data-parallel workers, one Spark task each (default: 2).")
    Integer workers;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "--engine spark: the Spark master (default: local[N] for N workers).")
    String master;

    @Option(
            names = "--average-every",
            paramLabel = "K",
            description =
                    "--engine spark: steps each worker takes between two parameter averagings"
                            + " (default: "
                            + EngineOptions.DEFAULT_AVERAGE_EVERY
                            + ").")
    Integer averageEvery;

    @Mixin MemoryOptions memory = new MemoryOptions();

    private final CommandContext ctx;
    private final TrainJob job;

    @Inject
    TrainCommand(CommandContext ctx, TrainJob job) {
        this.ctx = ctx;
        this.job = job;
    }

    @Override
    public Integer call() {
        EngineOptions e = EngineOptions.parse(engine, workers, master, averageEvery);
        if (e != null && e.distributed()) e.find(); // fails at once when the add-on is missing
        Map<String, Object> result =
                job.run(request(), memory.budget(), new Transfer(freeze, initFrom), e);
        Results.print(ctx, result);
        return 0;
    }

    private TrainRequest request() {
        if (epochs != null && epochs < 1) {
            throw DlkitException.invalidInput(
                    "--epochs must be at least 1, got "
                            + epochs
                            + (resume ? " (leave it out to resume up to the recorded count)" : ""));
        }
        if (resume) {
            if (out == null)
                throw DlkitException.invalidInput(
                        "--resume needs --out DIR naming the model directory to continue");
            return new TrainRequest(
                    null,
                    null,
                    null,
                    0,
                    null,
                    epochs == null ? 0 : epochs,
                    0,
                    null,
                    Map.of(),
                    0,
                    null,
                    0,
                    0,
                    0,
                    null,
                    null,
                    0,
                    out,
                    true,
                    plot,
                    "none",
                    "none",
                    null);
        }
        if (model == null)
            throw DlkitException.invalidInput("--model FILE is required (or --resume --out DIR)");
        if (data == null) throw DlkitException.invalidInput("--data PATH is required");
        Path dir =
                out != null
                        ? out
                        : Path.of(
                                "runs",
                                model.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
        return new TrainRequest(
                model.toAbsolutePath(),
                DataSource.parse(data, split),
                DataSource.parse(val, "t10k"),
                valSplit,
                DataSource.parse(test, "t10k"),
                epochs == null ? 10 : epochs,
                batchSize,
                optimizer,
                Results.parseValues(optimizerConfig),
                lr,
                schedule,
                l2,
                clipValue,
                clipNorm,
                loss,
                earlyStopping,
                checkpointEvery,
                dir,
                false,
                plot,
                InputPrep.checkAugment(augment),
                InputPrep.checkNormalize(normalize),
                lossWeights);
    }
}
