package io.dlkit.tests;

import io.dlkit.tests.DlkitProcess.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines written as text: {@code dlkit("--threads 2 -q train --model", path)} splits the
 * first argument at spaces and appends the rest as they are, so paths may hold spaces.
 */
final class Words {
    private Words() {}

    /**
     * Runs dlkit in the repository root with the space-separated {@code words} then {@code more}.
     */
    static Result dlkit(String words, String... more) {
        return DlkitProcess.run(args(words, more));
    }

    /** The space-separated {@code words} then {@code more}, as one argument array. */
    static String[] args(String words, String... more) {
        List<String> all = new ArrayList<>(List.of(words.split(" ")));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
