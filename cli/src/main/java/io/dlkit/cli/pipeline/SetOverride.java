package io.dlkit.cli.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code --set KEY=VALUE}: {@code NAME=VALUE} sets a pipeline input, {@code STEP.PARAM=VALUE} a
 * step's parameter. The value is text, converted to the declared type.
 *
 * @param key {@code NAME} or {@code STEP.PARAM}
 * @param value the text after the first {@code =}
 */
record SetOverride(String key, String value) {
    static final String SOURCE = "--set";

    /** Where problems with this override are reported: {@code --set small.width=64}. */
    String source() {
        return SOURCE + " " + key + "=" + value;
    }

    /** The step id of a {@code STEP.PARAM} key. */
    Optional<String> step() {
        int dot = key.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(key.substring(0, dot));
    }

    /** The parameter name of a {@code STEP.PARAM} key, or the input name. */
    String name() {
        return key.substring(key.indexOf('.') + 1);
    }

    /**
     * Parses {@code --set} values; later ones win over earlier ones with the same key.
     *
     * @param problems receives one problem per malformed value
     */
    static List<SetOverride> parseAll(List<String> sets, List<Problem> problems) {
        Map<String, SetOverride> byKey = new LinkedHashMap<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            String key = eq < 0 ? "" : set.substring(0, eq).strip();
            if (key.isEmpty() || key.startsWith(".") || key.endsWith(".")) {
                problems.add(
                        new Problem(
                                SOURCE + " " + set,
                                null,
                                "",
                                "expected NAME=VALUE (a pipeline input) or STEP.PARAM=VALUE"
                                        + " (a step parameter)"));
                continue;
            }
            byKey.remove(key);
            byKey.put(key, new SetOverride(key, set.substring(eq + 1)));
        }
        return new ArrayList<>(byKey.values());
    }
}
