package io.dlkit.backend.tfjs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.SharedTestData;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphModelTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "centernet.json | tower_0/images | 1,512,512,3 | tower_0/detections | 1,100,6",
                "nanodet.json | input_1 | 1,3,416,416 | Identity | 1,2704,80",
                "blazeface.json | input | 1,256,256,3 | Identity_3 | 1,384,16",
                "mobilefacenet.json | img_inputs | -1,112,112,3 | embeddings | 1,192",
                "faceres.json | input_1 | -1,224,224,3 | global_pooling/Mean | 1,1024"
            })
    void should_import_and_run_a_human_graph_model(
            String file, String input, String inShape, String output, String outShape) {
        // given
        Path json = SharedTestData.require("human/" + file);

        // when: read and imported (timed apart from loading the TensorFlow runtime)
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 0, 1)) {
            long start = System.nanoTime();
            GraphModelFile f = GraphModelFile.read(json);
            GraphModel m = GraphModel.load(g, f);
            long imported = System.nanoTime();
            long[] feedShape = shape(inShape.replace("-1", "1"));
            NdArray x =
                    NdArray.of(
                            new float[(int) NdArray.of(new float[0], 0).size() + size(feedShape)],
                            feedShape);
            Map<String, NdArray> out = m.run(Map.of(input, x));
            System.out.printf(
                    "%s: import %.0f ms, first run %.0f ms, %d params, outputs %s%n",
                    file,
                    (imported - start) / 1e6,
                    (System.nanoTime() - imported) / 1e6,
                    f.parameters(),
                    m.outputs());

            // then
            assertThat(m.inputs()).extracting(TensorSpec::name).containsExactly(input);
            assertThat(m.inputs().get(0).shape()).containsExactly(shape(inShape));
            assertThat(out.get(output).shape()).containsExactly(shape(outShape));
            assertThat(
                            java.util.Arrays.stream(out.get(output).doubles())
                                    .allMatch(Double::isFinite))
                    .isTrue();
        }
    }

    private static long[] shape(String s) {
        return java.util.Arrays.stream(s.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static int size(long[] shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return (int) n;
    }
}
