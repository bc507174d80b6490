package io.dlkit.plugins.detector.darknet;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a {@link DarknetNetwork} as a Darknet {@code .cfg} that Darknet and OpenCV's {@code
 * readNetFromDarknet} read: a {@code [net]} with the input size and {@code batch=1}, then one
 * section per layer with the options that define it. Routes are written relative ({@code -1,-4}),
 * as Darknet's own cfgs are. {@code DarknetNetwork.of(DarknetCfg.parse(text(net)))} gives the same
 * layers back.
 */
public final class DarknetCfgWriter {
    private DarknetCfgWriter() {}

    /** The cfg text. */
    public static String text(DarknetNetwork net) {
        requireNonNull(net, "net is null");
        StringBuilder s = new StringBuilder();
        FeatureShape in = net.input();
        s.append("[net]\nbatch=1\nsubdivisions=1\n")
                .append("width=")
                .append(in.width())
                .append('\n')
                .append("height=")
                .append(in.height())
                .append('\n')
                .append("channels=")
                .append(in.channels())
                .append('\n');
        for (DarknetLayer layer : net.layers()) {
            s.append('\n').append(section(layer));
        }
        return s.toString();
    }

    /** Writes the cfg text atomically. */
    public static void write(Path file, DarknetNetwork net) throws IOException {
        AtomicFiles.write(file, text(net).getBytes(StandardCharsets.UTF_8));
    }

    private static String section(DarknetLayer layer) {
        if (layer instanceof DarknetLayer.Convolutional c) {
            return convolutional(c);
        } else if (layer instanceof DarknetLayer.MaxPool m) {
            String padding = m.padding() == m.size() - 1 ? "" : "padding=" + m.padding() + "\n";
            return "[maxpool]\nsize=" + m.size() + "\nstride=" + m.stride() + "\n" + padding;
        } else if (layer instanceof DarknetLayer.Route r) {
            return "[route]\nlayers="
                    + r.sources().stream()
                            .map(i -> String.valueOf(i - r.index()))
                            .collect(Collectors.joining(","))
                    + "\n";
        } else if (layer instanceof DarknetLayer.Reorg r) {
            return "[reorg]\nstride=" + r.stride() + "\n";
        }
        return region((DarknetLayer.Region) layer);
    }

    private static String convolutional(DarknetLayer.Convolutional c) {
        String pad = c.padding() == c.size() / 2 ? "pad=1" : "padding=" + c.padding();
        return "[convolutional]\n"
                + (c.batchNormalize() ? "batch_normalize=1\n" : "")
                + "filters="
                + c.filters()
                + "\nsize="
                + c.size()
                + "\nstride="
                + c.stride()
                + "\n"
                + pad
                + "\nactivation="
                + c.activation()
                + "\n";
    }

    private static String region(DarknetLayer.Region r) {
        String anchors =
                r.anchors().stream()
                        .map(a -> String.format(Locale.ROOT, "%s", a))
                        .collect(Collectors.joining(","));
        return "[region]\nanchors="
                + anchors
                + "\nbias_match=1\nclasses="
                + r.classes()
                + "\ncoords="
                + r.coords()
                + "\nnum="
                + r.num()
                + "\nsoftmax=1\n";
    }
}
