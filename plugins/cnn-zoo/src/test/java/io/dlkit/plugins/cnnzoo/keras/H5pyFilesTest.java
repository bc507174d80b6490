package io.dlkit.plugins.cnnzoo.keras;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.io.NdArray;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by h5py the way Keras writes them ({@code make_fixtures.py} beside them says how):
 * fixed-length byte-string attributes, an empty float64 {@code weight_names} for layers without
 * weights, empty {@code vars} groups, a full-model file and a {@code .keras} archive. Each weight
 * holds {@code float32(10 l + w + j / 1000)}: weight {@code w} of the {@code l}-th layer with
 * weights, flat index {@code j}.
 */
class H5pyFilesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "small_keras2.h5",
                "small_full_keras2.h5",
                "small.weights.h5",
                "small.keras"
            })
    void should_read_every_weight_keras_wrote_into_its_variable(String name) throws Exception {
        // when
        Map<String, NdArray> weights = KerasWeights.read(resource(name), KerasWeightsTest.config());
        // then
        Map<String, NdArray> expected = new LinkedHashMap<>();
        expected.put("conv_kernel", formula(0, 0, 3, 3, 3, 4));
        expected.put("conv_bias", formula(0, 1, 4));
        List<String> norm = List.of("gamma", "beta", "moving_mean", "moving_variance");
        for (int w = 0; w < norm.size(); w++) {
            expected.put("bn_" + norm.get(w), formula(1, w, 4));
        }
        expected.put("predictions_kernel", formula(2, 0, 16, 3));
        expected.put("predictions_bias", formula(2, 1, 3));
        assertThat(weights).containsExactlyEntriesOf(expected);
    }

    private static NdArray formula(int layer, int weight, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        float[] v = new float[n];
        for (int j = 0; j < n; j++) {
            v[j] = (float) (10 * layer + weight + j / 1000.0);
        }
        return NdArray.of(v, shape);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(H5pyFilesTest.class.getResource(name).toURI());
    }
}
