package io.dlkit.plugins.embeddings.nlm;

import picocli.CommandLine.Option;

/** The options of {@code embed train --method nlm} (the window is {@code --window}). */
public final class NlmOptions {
    @Option(
            names = "--hidden",
            defaultValue = "100",
            description = "NLM: hidden tanh units (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(
            names = "--context",
            defaultValue = "left",
            paramLabel = "left|both",
            description =
                    "NLM: predict a word from the --window words before it (left) or before and"
                            + " after it (both) (default: ${DEFAULT-VALUE}).")
    String context;

    @Option(
            names = "--batch-size",
            defaultValue = "128",
            description = "NLM: mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /** The hidden units. */
    public int hidden() {
        return hidden;
    }

    /** Whether the context takes words on both sides. */
    public boolean bothSides() {
        return switch (context) {
            case "left" -> false;
            case "both" -> true;
            default ->
                    throw new IllegalArgumentException(
                            "--context must be left or both, got '" + context + "'");
        };
    }

    /** The mini-batch size. */
    public int batchSize() {
        if (batchSize < 1)
            throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        return batchSize;
    }

    /** The options as command-line flags, for the run manifest. */
    public String flags() {
        return " --hidden " + hidden + " --context " + context + " --batch-size " + batchSize;
    }
}
