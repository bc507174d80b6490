package io.dlkit.cli.nn;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.train.AvailableMemory;
import io.dlkit.backend.train.MemoryEstimate;
import java.util.OptionalLong;

/**
 * The memory a command may use: the machine's available memory (the default), a limit the user gave
 * with {@code --max-memory}, or no check ({@code --no-memory-check}).
 *
 * @param limit the limit in bytes; 0 means "what is available now", -1 means unchecked
 */
record MemoryBudget(long limit) {
    /** The default: what the machine has available when the check runs. */
    static final MemoryBudget AVAILABLE = new MemoryBudget(0);

    /** No check at all. */
    static final MemoryBudget UNCHECKED = new MemoryBudget(-1);

    static MemoryBudget of(long bytes) {
        return new MemoryBudget(bytes);
    }

    /**
     * Refuses, with one line, an estimate over the limit; {@code what} says what needs it ({@code
     * "training model.yaml"}).
     */
    void check(MemoryEstimate estimate, String what) {
        String problem = problem(estimate, what);
        if (problem != null) {
            throw DlkitException.invalidInput(
                    problem
                            + "; use a smaller model or --batch-size, or pass --max-memory SIZE or"
                            + " --no-memory-check to try anyway");
        }
    }

    /** The warning line for an estimate over the limit, or null when it fits or is unchecked. */
    String problem(MemoryEstimate estimate, String what) {
        if (limit < 0) return null;
        OptionalLong room = limit > 0 ? OptionalLong.of(limit) : AvailableMemory.bytes();
        if (room.isEmpty() || estimate.totalBytes() <= room.getAsLong()) return null;
        return what
                + " needs about "
                + MemoryEstimate.human(estimate.totalBytes())
                + " ("
                + estimate.breakdown()
                + "), more than the "
                + MemoryEstimate.human(room.getAsLong())
                + (limit > 0 ? " --max-memory allows" : " of memory available");
    }
}
