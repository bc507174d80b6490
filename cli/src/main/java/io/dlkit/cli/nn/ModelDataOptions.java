package io.dlkit.cli.nn;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code eval} and {@code predict} share: a model directory and the data to run it on. */
final class ModelDataOptions {
    @Parameters(paramLabel = "MODEL_DIR", description = "A model directory written by dlkit train.")
    Path modelDir;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "PATH[@FROM:TO]",
            description =
                    "The samples: .csv, .npz, IDX file, MNIST-style folder (its --split) or image folder.")
    String data;

    @Option(
            names = "--split",
            paramLabel = "train|t10k",
            defaultValue = "t10k",
            description = "Split of an MNIST-style folder (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            defaultValue = "256",
            description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /** Checks the options that need no file; call before opening the model. */
    void check() {
        if (batchSize < 1) {
            throw io.dlkit.api.DlkitException.invalidInput(
                    "--batch-size must be at least 1, got " + batchSize);
        }
    }

    DataSource source() {
        return DataSource.parse(data, split);
    }
}
