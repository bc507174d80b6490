package io.dlkit.tests;

import io.dlkit.testkit.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The content and style images the style ITs share, and the {@code dlkit style} command line that
 * pairs them (public for the ITs that live in a plugin's package).
 */
public record StyleImages(Path content, Path style) {
    /**
     * chelsea.png onto starry_night.jpg from the shared data; skips the test when one is missing.
     */
    public static StyleImages chelseaOnStarryNight() {
        return new StyleImages(
                SharedData.require("data/images/chelsea.png"),
                SharedData.require("data/images/starry_night.jpg"));
    }

    /** {@code style --content CONTENT --style STYLE --out OUT}, then {@code more}. */
    public String[] styleArgs(Path out, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "style",
                                "--content",
                                content.toString(),
                                "--style",
                                style.toString(),
                                "--out",
                                out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
