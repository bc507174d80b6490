package io.dlkit.cli.steps;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.DataFormatException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns the ways reading a data file fails into one-line, file-naming user errors. */
final class StepErrors {
    private StepErrors() {}

    /** A bad or unreadable input file: exit code 2, the message names the file. */
    static DlkitException readFailure(Path file, Exception e) {
        if (e instanceof DataFormatException) {
            return DlkitException.invalidInput(oneLine(e.getMessage()));
        } else if (e instanceof NoSuchFileException) {
            return DlkitException.invalidInput(file + ": no such file");
        } else if (e instanceof AccessDeniedException) {
            return DlkitException.invalidInput(file + ": permission denied");
        } else if (e instanceof IOException) {
            return DlkitException.invalidInput(file + ": cannot read: " + oneLine(e.getMessage()));
        }
        return DlkitException.invalidInput(file + ": " + oneLine(e.getMessage()));
    }

    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
