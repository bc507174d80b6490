package io.dlkit.plugins.cnnzoo.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.nn.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code dlkit zoo ...} parsed and run as the host runs it, output read back. */
class ZooCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    @Test
    void should_list_the_architectures_as_a_table() {
        FakeContext ctx = new FakeContext("table");
        assertThat(ctx.execute("zoo", "list")).isZero();
        assertThat(ctx.out.toString().lines().toList())
                .hasSize(7)
                .first()
                .asString()
                .startsWith("NAME");
        assertThat(ctx.out.toString()).contains("vgg16").contains("224x224x3").contains("28x28x1");
    }

    @Test
    void should_list_the_architectures_as_one_json_document() throws Exception {
        FakeContext ctx = new FakeContext("json");
        assertThat(ctx.execute("zoo", "list")).isZero();
        List<Map<String, Object>> rows =
                JSON.readValue(ctx.out.toString(), new TypeReference<>() {});
        assertThat(rows).extracting(r -> r.get("name")).contains("lenet5", "resnet50");
        assertThat(rows.get(0))
                .containsEntry("default_input", List.of(28, 28, 1))
                .containsEntry("default_classes", 10);
    }

    @Test
    void should_summarise_lenet5_with_its_parameters_and_flops() throws Exception {
        // given: FLOPs by hand, conv 2 f f n_C per output + 1 (bias), pool f f per output,
        // dense 2 n_prev units + units
        long flops =
                28 * 28 * 6 * (2 * 25 + 1)
                        + 14 * 14 * 6 * 4
                        + 10 * 10 * 16 * (2 * 25 * 6 + 1)
                        + 5 * 5 * 16 * 4
                        + (2 * 400 * 120 + 120)
                        + (2 * 120 * 84 + 84)
                        + (2 * 84 * 10 + 10);
        FakeContext ctx = new FakeContext("json");
        // when
        int code = ctx.execute("zoo", "summary", "lenet5");
        // then
        assertThat(code).isZero();
        Map<String, Object> json = JSON.readValue(ctx.out.toString(), MAP);
        assertThat(json)
                .containsEntry("architecture", "lenet5")
                .containsEntry("total_params", 61706)
                .containsEntry("non_trainable_params", 0)
                .containsEntry("flops_per_image", (int) flops);
        assertThat((List<?>) json.get("layers")).hasSize(8);
    }

    @Test
    void should_print_a_keras_style_table_for_the_vgg16_base() {
        FakeContext ctx = new FakeContext("table");
        assertThat(ctx.execute("zoo", "summary", "vgg16", "--no-top")).isZero();
        assertThat(ctx.out.toString())
                .contains("block5_pool (max_pool)")
                .contains("(None, 7, 7, 512)")
                .contains("Total params: 14,714,688");
    }

    @Test
    void should_build_for_the_input_and_classes_given() throws Exception {
        FakeContext ctx = new FakeContext("json");
        assertThat(ctx.execute("zoo", "summary", "lenet5", "--input", "32x32x3", "--classes", "4"))
                .isZero();
        Map<String, Object> json = JSON.readValue(ctx.out.toString(), MAP);
        List<Map<String, Object>> layers = (List<Map<String, Object>>) json.get("layers");
        assertThat(layers.get(0).get("output_shape")).isEqualTo(List.of(32, 32, 6));
        assertThat(layers.get(layers.size() - 1).get("output_shape")).isEqualTo(List.of(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"224x224", "224x224x3x1", "224*224*3", "axbxc", "0x224x3", ""})
    void should_reject_an_input_that_is_not_h_x_w_x_c_in_one_line(String input) {
        FakeContext ctx = new FakeContext("table");
        assertThat(ctx.execute("zoo", "summary", "vgg16", "--input", input)).isEqualTo(2);
        assertThat(ctx.err.toString())
                .isEqualTo(
                        "error: --input: expected HEIGHTxWIDTHxCHANNELS with integers >= 1, e.g."
                                + " --input 224x224x3, got '"
                                + input
                                + "'"
                                + System.lineSeparator());
        assertThat(ctx.out.toString()).isEmpty();
    }

    @Test
    void should_reject_an_unknown_architecture_with_a_suggestion() {
        FakeContext ctx = new FakeContext("table");
        assertThat(ctx.execute("zoo", "export", "resnet5")).isEqualTo(2);
        assertThat(ctx.err.toString().strip())
                .isEqualTo(
                        "error: unknown architecture 'resnet5' (did you mean resnet50?); known:"
                                + " lenet5, alexnet, vgg16, vgg19, resnet50, inception_v1");
    }

    @Test
    void should_export_a_model_file_that_builds_the_same_model() throws Exception {
        // given
        FakeContext ctx = new FakeContext("table");
        // when
        assertThat(ctx.execute("zoo", "export", "resnet50", "--no-top", "--input", "64x64x3"))
                .isZero();
        // then
        Map<String, Object> file = YAML.readValue(ctx.out.toString(), MAP);
        Sequential model = Sequential.fromConfig(file);
        assertThat(model.inputShape()).containsExactly(64, 64, 3);
        assertThat(model.layers()).last().extracting(Layer::name).isEqualTo("conv5_block3_out");
    }

    @Test
    void should_write_the_model_file_with_dash_o_and_not_overwrite_it(@TempDir Path dir)
            throws Exception {
        // given
        Path target = dir.resolve("vgg19.yaml");
        FakeContext ctx = new FakeContext("table");
        // when
        int first = ctx.execute("zoo", "export", "vgg19", "-o", target.toString());
        int second = ctx.execute("zoo", "export", "vgg19", "-o", target.toString());
        // then
        assertThat(first).isZero();
        assertThat(second).isEqualTo(2);
        Map<String, Object> file = YAML.readValue(Files.readString(target), MAP);
        assertThat(Sequential.fromConfig(file).layers()).hasSize(16 + 5 + 4);
        assertThat(ctx.out.toString()).isEmpty();
    }

    @Test
    void should_train_by_running_dlkit_train_on_a_temporary_model_file() throws Exception {
        // given: train's answer is checked while the temporary file still exists
        String[] model = new String[1];
        FakeContext ctx =
                new FakeContext("table")
                        .onRunCommand(
                                args -> {
                                    model[0] = readQuietly(Path.of(args[2]));
                                    return 3;
                                });
        // when: zoo's own options mixed among train's, which keep their order
        int code =
                ctx.execute(
                        "zoo",
                        "train",
                        "lenet5",
                        "--data",
                        "d.csv",
                        "--input",
                        "32x32x1",
                        "--epochs",
                        "2",
                        "--classes",
                        "5",
                        "--lr-schedule",
                        "constant",
                        "--plot");
        // then
        assertThat(code).isEqualTo(3);
        List<String> run = ctx.commandsRun.get(0);
        assertThat(run.subList(0, 2)).containsExactly("train", "--model");
        assertThat(Path.of(run.get(2)).getFileName().toString()).isEqualTo("lenet5.yaml");
        assertThat(run.subList(3, run.size()))
                .containsExactly(
                        "--data", "d.csv", "--epochs", "2", "--lr-schedule", "constant", "--plot");
        assertThat(Path.of(run.get(2))).doesNotExist();
        Sequential trained = Sequential.fromConfig(YAML.readValue(model[0], MAP));
        assertThat(trained.inputShape()).containsExactly(32, 32, 1);
        assertThat(trained.layers().get(trained.layers().size() - 1).config())
                .containsEntry("units", 5);
    }

    @Test
    void should_refuse_a_model_option_in_zoo_train() {
        FakeContext ctx = new FakeContext("table");
        assertThat(ctx.execute("zoo", "train", "vgg16", "--model=x.yaml")).isEqualTo(2);
        assertThat(ctx.commandsRun).isEmpty();
        assertThat(ctx.err.toString().strip())
                .isEqualTo(
                        "error: zoo train: --model is set by zoo train itself; use 'dlkit train"
                                + " --model FILE' for a model file");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
