package io.dlkit.api.extension;

import java.util.List;

/**
 * The batch tasks every started plugin contributes ({@link BatchTaskProvider}), by name. Inject it
 * (e.g. into a command) to run a task without knowing which plugin has it.
 */
public interface BatchTasks {
    /** The known task names, sorted. */
    List<String> names();

    /**
     * The provider of task {@code name}.
     *
     * @throws io.dlkit.api.DlkitException (exit 2) for an unknown name, listing the known ones
     */
    BatchTaskProvider provider(String name);
}
