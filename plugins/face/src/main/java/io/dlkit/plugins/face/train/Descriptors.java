package io.dlkit.plugins.face.train;

import io.dlkit.plugins.face.command.FaceOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Descriptors of every face image of a {@code person/*.jpg} folder, by an encoder, once. */
public final class Descriptors {
    private Descriptors() {}

    /**
     * Each identity's descriptors (images where the encoder finds no face are left out, and so are
     * identities left with none); a line on {@code err} per 100 images when it is not null.
     */
    public static List<List<float[]>> of(FaceEncoder encoder, Path dir, PrintWriter err) {
        List<List<float[]>> out = new ArrayList<>();
        int done = 0;
        for (Path person : FaceFolder.peopleOf(dir)) {
            List<float[]> mine = new ArrayList<>();
            for (Path f : FaceOptions.imageFiles(List.of(person))) {
                float[] d = encoder.embed(FaceOptions.read(f));
                if (d != null) mine.add(d);
                if (err != null && ++done % 100 == 0) {
                    err.println("  " + done + " images described");
                    err.flush();
                }
            }
            if (!mine.isEmpty()) out.add(mine);
        }
        if (out.size() < 2) {
            throw io.dlkit.api.DlkitException.invalidInput(
                    dir + ": faces of at least two people are needed, found " + out.size());
        }
        return out;
    }
}
