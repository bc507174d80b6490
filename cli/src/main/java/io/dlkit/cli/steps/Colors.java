package io.dlkit.cli.steps;

import io.dlkit.api.DlkitException;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Colour parameters: {@code #RRGGBB} (or {@code RRGGBB}) or one of a few names. */
final class Colors {
    private static final Map<String, Color> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("red", new Color(0xFF0000));
        NAMED.put("green", new Color(0x00FF00));
        NAMED.put("blue", new Color(0x0000FF));
        NAMED.put("yellow", new Color(0xFFFF00));
        NAMED.put("cyan", new Color(0x00FFFF));
        NAMED.put("magenta", new Color(0xFF00FF));
        NAMED.put("orange", new Color(0xFF7F0E));
        NAMED.put("white", new Color(0xFFFFFF));
        NAMED.put("black", new Color(0x000000));
    }

    private Colors() {}

    static Color parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Color named = NAMED.get(t);
        if (named != null) {
            return named;
        }
        String hex = t.startsWith("#") ? t.substring(1) : t;
        if (hex.matches("[0-9a-f]{6}")) {
            return new Color(Integer.parseInt(hex, 16));
        }
        throw DlkitException.invalidInput(
                "color '"
                        + text
                        + "' is not a colour; give #RRGGBB (e.g. #FF7F0E) or one of "
                        + String.join(", ", NAMED.keySet()));
    }
}
