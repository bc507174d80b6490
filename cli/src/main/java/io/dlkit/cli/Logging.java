package io.dlkit.cli;

/** Sets log levels before any logger exists: quiet by default, PF4J's details with {@code -v}. */
final class Logging {
    private Logging() {}

    static void configure(boolean verbose) {
        String level = verbose ? "info" : "off";
        System.setProperty("org.slf4j.simpleLogger.log.org.pf4j", level);
        // jHDF (the cnn-zoo plugin's HDF5 reader) warns on every file that it is a snapshot build.
        System.setProperty("org.slf4j.simpleLogger.log.io.jhdf", verbose ? "info" : "error");
        if (verbose) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }
}
