package io.dlkit.plugins.cnnzoo.keras;

import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.KLayer;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Weights;
import io.dlkit.tests.DlkitProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What this package's ITs share: a Keras VGG no-top layer list with random weights, and the
 * packaged CLI run on two threads.
 */
final class VggFixtures {
    /** Filters of VGG's five blocks, the same in VGG-16 and VGG-19. */
    static final int[] FILTERS = {64, 128, 256, 512, 512};

    private VggFixtures() {}

    /**
     * The input layer, then per block {@code convs[b]} 3x3 convolutions ({@code blockB_convC}, with
     * weights drawn from {@code new Weights(seed)}) and a {@code blockB_pool}.
     */
    static List<KLayer> vggLayers(int[] convs, int seed) {
        Weights w = new Weights(seed);
        List<KLayer> layers = new ArrayList<>();
        layers.add(KLayer.plain("input_1", "input_layer"));
        int in = 3;
        for (int b = 0; b < convs.length; b++) {
            for (int c = 1; c <= convs[b]; c++) {
                layers.add(w.conv("block" + (b + 1) + "_conv" + c, 3, in, FILTERS[b]));
                in = FILTERS[b];
            }
            layers.add(KLayer.plain("block" + (b + 1) + "_pool", "max_pooling2d"));
        }
        return layers;
    }

    /** Runs {@code dlkit --threads 2 args} in {@code dir}. */
    static DlkitProcess.Result dlkit(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("--threads", "2"));
        cmd.addAll(List.of(args));
        return DlkitProcess.runIn(dir, Map.of(), cmd.toArray(String[]::new));
    }
}
