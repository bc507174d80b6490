package io.dlkit.plugins.detector.darknet;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Darknet {@code .cfg} file into its sections, as Darknet's {@code read_cfg} does: {@code
 * [type]} headers, {@code key=value} options (spaces around either side are dropped), comments
 * starting with {@code #} or {@code ;}, blank lines. The first section must be {@code [net]} (or
 * {@code [network]}). {@link DarknetNetwork} gives the sections their meaning.
 */
public final class DarknetCfg {
    private DarknetCfg() {}

    /** Reads and splits the file; errors name it. */
    public static List<CfgSection> read(Path file) throws IOException {
        requireNonNull(file, "file is null");
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Splits {@code text} into sections.
     *
     * @param source the file name errors start with
     */
    public static List<CfgSection> parse(String text, String source) {
        List<CfgSection> sections = new ArrayList<>();
        String type = null;
        int typeLine = 0;
        Map<String, CfgSection.Option> options = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw error(
                            source,
                            lineNo,
                            "malformed section header '" + line + "'",
                            "write it as [name]");
                }
                if (type != null) {
                    sections.add(new CfgSection(source, type, typeLine, options));
                }
                type = line.substring(1, line.length() - 1).strip();
                typeLine = lineNo;
                options = new LinkedHashMap<>();
            } else {
                addOption(source, lineNo, line, type, options);
            }
        }
        if (type != null) {
            sections.add(new CfgSection(source, type, typeLine, options));
        }
        checkNet(source, sections);
        return sections;
    }

    private static void addOption(
            String source,
            int lineNo,
            String line,
            String type,
            Map<String, CfgSection.Option> options) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            throw error(
                    source,
                    lineNo,
                    "expected key=value, got '" + line + "'",
                    "write options as key=value under a [section]");
        }
        if (type == null) {
            throw error(
                    source,
                    lineNo,
                    "option before the first [section]",
                    "start the file with [net]");
        }
        options.put(
                line.substring(0, eq).strip(),
                new CfgSection.Option(line.substring(eq + 1).strip(), lineNo));
    }

    private static void checkNet(String source, List<CfgSection> sections) {
        if (sections.isEmpty()) {
            throw error(source, 1, "no sections", "a Darknet cfg starts with [net]");
        }
        String first = sections.get(0).type();
        if (!first.equals("net") && !first.equals("network")) {
            throw error(
                    source,
                    sections.get(0).line(),
                    "the first section is [" + first + "]",
                    "a Darknet cfg starts with [net]");
        }
    }

    static DlkitException error(String source, int line, String what, String fix) {
        return new DlkitException(ExitCode.USAGE, source + ":" + line + ": " + what + "; " + fix);
    }
}
