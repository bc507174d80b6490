package io.dlkit.plugins.cnnzoo.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import io.dlkit.api.model.ModelStore;
import io.dlkit.backend.io.NdArray;
import io.dlkit.plugins.cnnzoo.InputShapes;
import io.dlkit.plugins.cnnzoo.ZooArchitectures;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit zoo import-keras FILE --arch vgg16|vgg19|resnet50 [--no-top] [--out DIR]}: Keras
 * weights ({@code keras.applications} downloads, {@code save_weights} output) as a dlkit model
 * directory of the zoo architecture, written by the host's {@link ModelStore}. A {@code zoo}
 * subcommand; dlkit's factory injects the context and the store.
 */
@Command(
        name = "import-keras",
        mixinStandardHelpOptions = true,
        description =
                "Import Keras weights (.h5, .weights.h5, .keras) into a zoo architecture as a"
                        + " model directory.")
public final class KerasImportCommand implements Callable<Integer> {
    /** The zoo architectures {@code keras.applications} has, with the same layer names. */
    static final List<String> ARCHITECTURES = List.of("vgg16", "vgg19", "resnet50");

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "Keras weights: a Keras 2 .h5, a Keras 3 .weights.h5 or a .keras file.")
    Path file;

    @Option(
            names = "--arch",
            required = true,
            paramLabel = "NAME",
            description = "The architecture the weights are for: vgg16, vgg19 or resnet50.")
    String arch;

    @Option(names = "--no-top", description = "Weights without the classifier (*_notop.h5).")
    boolean noTop;

    @Option(
            names = "--input",
            paramLabel = "HxWxC",
            description = "Input height x width x channels (default 224x224x3).")
    String input;

    @Option(
            names = "--classes",
            paramLabel = "N",
            description = "Classes of the file's classifier (default 1000).")
    Integer classes;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "The model directory to write (default: FILE's name without .h5).")
    Path out;

    private final CommandContext ctx;
    private final ModelStore store;

    /** dlkit injects the command context and the model store. */
    @Inject
    public KerasImportCommand(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        String name = architecture();
        Map<String, Object> config = config(name);
        Path source = ctx.settings().workDir().resolve(file);
        Path dir = ctx.settings().workDir().resolve(out != null ? out : defaultOut(file));
        io.dlkit.api.FileKind kind = io.dlkit.api.FileKind.of(dir);
        if (kind != io.dlkit.api.FileKind.MISSING && kind != io.dlkit.api.FileKind.FOLDER) {
            // Said before the (large) weights are read; the model store checks the rest.
            throw DlkitException.invalidInput(
                    dir + ": is " + kind.description() + ", not a folder; give a folder path");
        }
        Map<String, NdArray> weights = KerasWeights.read(source, config);
        store.create(dir, config, weights, Map.of("source", source(name)));
        report(name, weights, dir);
        return 0;
    }

    private String architecture() {
        String name = arch.toLowerCase(Locale.ROOT);
        if (!ARCHITECTURES.contains(name)) {
            throw DlkitException.invalidInput(
                    "--arch: '"
                            + arch
                            + "' has no Keras weights layout; choose "
                            + String.join(", ", ARCHITECTURES));
        }
        return name;
    }

    private Map<String, Object> config(String name) {
        ZooArchitectures zoo = new ZooArchitectures();
        try {
            ArchitectureSpec defaults = zoo.defaultSpec(name);
            long[] shape = input == null ? defaults.inputShape() : InputShapes.parse(input);
            int n = classes == null ? defaults.classes() : classes;
            return zoo.config(name, new ArchitectureSpec(shape, n, !noTop));
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    /** {@code vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5} -> {@code vgg16_..._notop}. */
    static Path defaultOut(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : List.of(".weights.h5", ".h5", ".hdf5", ".keras")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return Path.of(name.substring(0, name.length() - suffix.length()));
            }
        }
        return Path.of(name + ".model");
    }

    private Map<String, Object> source(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "keras");
        m.put("file", file.getFileName().toString());
        m.put("architecture", name);
        m.put("include_top", !noTop);
        // keras.applications' VGG and ResNet50 inputs: BGR, ImageNet channel means subtracted
        m.put("preprocessing", "caffe");
        return m;
    }

    private void report(String name, Map<String, NdArray> weights, Path dir) {
        long params = weights.values().stream().mapToLong(NdArray::size).sum();
        if (ctx.settings().json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", dir.toString());
            m.put("architecture", name);
            m.put("include_top", !noTop);
            m.put("variables", weights.size());
            m.put("parameters", params);
            ctx.out().println(json(m));
        } else {
            ctx.out()
                    .printf(
                            Locale.ROOT,
                            "imported %s%s: %d variables, %,d parameters -> %s%n",
                            name,
                            noTop ? " (no top)" : "",
                            weights.size(),
                            params,
                            dir);
        }
        ctx.out().flush();
    }

    private static String json(Map<String, Object> m) {
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
