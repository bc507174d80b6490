package io.dlkit.backend.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.SharedTestData;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightManifestTest {
    @TempDir Path dir;

    @Test
    void should_dequantise_uint8_float16_uint16_and_keep_int32() throws Exception {
        // given: four tensors back to back in two shards
        ByteBuffer b = ByteBuffer.allocate(2 + 4 + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).put((byte) 255); // uint8, scale 0.5, min -1 -> -1, 126.5
        b.putShort((short) 0x3C00).putShort((short) 0xC200); // float16 1.0, -3.0
        b.putShort((short) 1000).putShort((short) 0); // uint16, scale 0.01, min 2 -> 12, 2
        b.putInt(7).putInt(-9);
        Files.write(dir.resolve("w.bin.1"), java.util.Arrays.copyOf(b.array(), 5));
        Files.write(
                dir.resolve("w.bin.2"), java.util.Arrays.copyOfRange(b.array(), 5, b.capacity()));
        Path manifest = dir.resolve("m-weights_manifest.json");
        Files.writeString(
                manifest,
                """
                [{"paths": ["w.bin.1", "w.bin.2"], "weights": [
                  {"name": "a", "shape": [2], "dtype": "float32",
                   "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1}},
                  {"name": "h", "shape": [1, 2], "dtype": "float32",
                   "quantization": {"dtype": "float16", "original_dtype": "float32"}},
                  {"name": "u", "shape": [2], "dtype": "float32",
                   "quantization": {"dtype": "uint16", "scale": 0.01, "min": 2}},
                  {"name": "i", "shape": [2], "dtype": "int32"}]}]
                """);

        // when
        NamedTensors w = WeightManifest.read(manifest).load();

        // then
        assertThat(w.require("a", 2).floats()).containsExactly(-1f, 126.5f);
        assertThat(w.require("h", 1, 2).floats()).containsExactly(1f, -3f);
        assertThat(w.require("u", 2).floats()).containsExactly(12f, 2f);
        assertThat(w.require("i", 2)).isEqualTo(NdArray.of(new int[] {7, -9}, 2));
    }

    @Test
    void should_read_the_face_api_tiny_face_detector_as_quantised_by_its_manifest() {
        // given
        Path manifest =
                SharedTestData.require("face-api/tiny_face_detector_model-weights_manifest.json");

        // when
        NamedTensors w = WeightManifest.read(manifest).load();

        // then: 19 tensors; values by hand from the .bin bytes (q * scale + min)
        assertThat(w.size()).isEqualTo(19);
        float[] filters = w.require("conv0/filters", 3, 3, 3, 16).floats();
        // byte 0 is 166: 166 * 0.009007044399485869 - 1.2069439495311063
        assertThat(filters[0]).isCloseTo(0.28822542f, within(1e-7f));
        // byte 431 is 112: 112 * 0.009007044399485869 - 1.2069439495311063
        assertThat(filters[431]).isCloseTo(-0.19815498f, within(1e-7f));
        float[] bias = w.require("conv8/bias", 25).floats();
        // the file's last 25 bytes; first 254, last 185 (scale 0.002268134028303857, min
        // -0.41053...)
        assertThat(bias[0]).isCloseTo(0.16557378f, within(1e-7f));
        assertThat(bias[24]).isCloseTo(0.009072536f, within(1e-7f));
    }

    @Test
    void should_read_every_face_api_manifest_with_its_bin_exactly_consumed() throws Exception {
        // given
        Path folder = SharedTestData.require("face-api");

        // when / then: each manifest decodes and its .bin has no byte left over
        try (var files = Files.list(folder)) {
            for (Path m : files.filter(p -> p.toString().endsWith("manifest.json")).toList()) {
                assertThat(WeightManifest.read(m).load().size()).as(m.toString()).isPositive();
            }
        }
        NamedTensors rec =
                WeightManifest.read(folder.resolve("face_recognition_model-weights_manifest.json"))
                        .load();
        assertThat(rec.size()).isEqualTo(117);
        assertThat(rec.require("conv32_down/conv/filters", 7, 7, 3, 32).size()).isEqualTo(4704);
        assertThat(rec.require("fc", 256, 128).size()).isEqualTo(32768);
    }

    @Test
    void should_name_the_tensor_and_the_expected_shape_when_misshapen_or_missing() {
        // given
        Path manifest =
                SharedTestData.require("face-api/tiny_face_detector_model-weights_manifest.json");
        NamedTensors w = WeightManifest.read(manifest).load();

        // then
        assertThatThrownBy(() -> w.require("conv0/filters", 3, 3, 3, 32))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        manifest
                                + ": tensor 'conv0/filters' has shape [3, 3, 3, 16] but the"
                                + " network expects [3, 3, 3, 32]");
        assertThatThrownBy(() -> w.require("conv9/bias", 25))
                .hasMessage(
                        manifest
                                + ": no tensor 'conv9/bias' (expected shape [25]); is it the"
                                + " right weights file for this network?");
    }

    @Test
    void should_reject_a_truncated_shard_naming_the_tensor_it_cuts() throws Exception {
        // given
        Files.write(dir.resolve("w.bin"), new byte[6]);
        Path manifest = dir.resolve("model.json");
        Files.writeString(
                manifest,
                "{weightsManifest: [{paths: ['w.bin'], weights: [{name: 'k', shape: [2, 2],"
                        + " dtype: 'float32'}]}]}");

        // then
        assertThatThrownBy(() -> WeightManifest.read(manifest).load())
                .hasMessage(
                        manifest
                                + ": the weight files end inside 'k' (needs 16 bytes, 6 left);"
                                + " the .bin files are truncated or do not belong to this"
                                + " manifest");
    }

    @Test
    void should_say_which_shard_is_missing() throws Exception {
        // given
        Path manifest = dir.resolve("model.json");
        Files.writeString(
                manifest, "{\"weightsManifest\": [{\"paths\": [\"gone.bin\"], \"weights\": []}]}");

        // then
        assertThatThrownBy(() -> WeightManifest.read(manifest).load())
                .hasMessage(
                        manifest
                                + ": weight file "
                                + dir.resolve("gone.bin")
                                + " is missing; put it beside the manifest");
    }

    @Test
    void should_widen_half_floats_including_subnormals_and_infinities() {
        assertThat(WeightDecoder.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(WeightDecoder.halfToFloat((short) 0x7BFF)).isEqualTo(65504f);
        assertThat(WeightDecoder.halfToFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(WeightDecoder.halfToFloat((short) 0x3555)).isEqualTo(0.33325195f);
        assertThat(WeightDecoder.halfToFloat((short) 0x8000)).isEqualTo(-0f);
    }
}
