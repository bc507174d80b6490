package io.dlkit.plugins.cnnzoo.keras;

import io.dlkit.tests.DlkitProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged CLI as this package's ITs run it: on two threads, in the test's folder. */
final class KerasCli {
    private KerasCli() {}

    /**
     * Runs {@code dlkit zoo import-keras H5 --arch ARCH --no-top --input INPUT --out dir/ARCH} in
     * {@code dir}.
     */
    static DlkitProcess.Result importNoTop(Path dir, Path h5, String arch, String input) {
        return dlkit(
                dir,
                "zoo",
                "import-keras",
                h5.toString(),
                "--arch",
                arch,
                "--no-top",
                "--input",
                input,
                "--out",
                dir.resolve(arch).toString());
    }

    /** Runs {@code dlkit --threads 2 args} in {@code dir}. */
    static DlkitProcess.Result dlkit(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("--threads", "2"));
        cmd.addAll(List.of(args));
        return DlkitProcess.runIn(dir, Map.of(), cmd.toArray(String[]::new));
    }
}
