package io.dlkit.api.extension;

/**
 * An opened batch task ({@link BatchTaskProvider#open}): a loaded model that processes records one
 * at a time. Not thread-safe: one task per thread (per Spark partition). Close it once, when the
 * records are done.
 */
public interface BatchTask extends AutoCloseable {
    /** The model the results come from, as a name or folder ({@code nanodet}). */
    String modelId();

    /**
     * Processes one record.
     *
     * @return its outputs
     * @throws io.dlkit.api.DlkitException or another exception when this record cannot be processed
     *     (a corrupt image): the caller records the one-line message against the record and goes on
     *     with the next one
     */
    BatchResult process(BatchRecord record);

    /** Frees the model and its TensorFlow graph. */
    @Override
    void close();
}
