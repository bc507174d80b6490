package io.dlkit.cli.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A functional model's data from a CSV whose columns are named after inputs and targets. */
class NamedDataTest {
    @TempDir Path dir;

    private static Map<String, NamedData.Want> want() {
        Map<String, NamedData.Want> w = new LinkedHashMap<>();
        w.put("a", new NamedData.Want(new long[] {2}, false, 0, false));
        w.put("cls", new NamedData.Want(new long[0], true, 3, true));
        return w;
    }

    @Test
    void should_take_columns_by_name_in_any_order_and_ignore_the_rest() throws Exception {
        Path csv =
                Files.writeString(
                        dir.resolve("d.csv"), "note,cls,a_1,a_0\nx,2,0.5,1.5\ny,0,-1,3\n");
        NamedData d = NamedData.load(DataSource.parse(csv.toString(), null), want());
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.arrays().get("a").floats()).containsExactly(1.5f, 0.5f, 3f, -1f);
        assertThat(d.arrays().get("a").shape()).containsExactly(2, 2);
        assertThat(d.arrays().get("cls").ints()).containsExactly(2, 0);
    }

    @Test
    void should_refuse_a_class_id_the_output_does_not_have() throws Exception {
        Path csv = Files.writeString(dir.resolve("d.csv"), "a_0,a_1,cls\n1,2,3\n");
        assertThatThrownBy(() -> NamedData.load(DataSource.parse(csv.toString(), null), want()))
                .hasMessage(
                        csv.toAbsolutePath()
                                + ": 'cls' row 0 holds 3.0 but the output has 3 classes (labels"
                                + " must be whole numbers 0..2)");
    }

    @Test
    void should_name_a_missing_column_and_a_non_number_with_their_place() throws Exception {
        Path missing = Files.writeString(dir.resolve("m.csv"), "a_0,a_2,cls\n1,2,0\n");
        assertThatThrownBy(() -> NamedData.load(DataSource.parse(missing.toString(), null), want()))
                .hasMessage(
                        missing.toAbsolutePath()
                                + ":1: no column 'a_1'; a takes the columns a_0..a_1 (did you"
                                + " mean a_0?)");
        Path text = Files.writeString(dir.resolve("t.csv"), "a_0,a_1,cls\n1,2,0\n1,two,0\n");
        assertThatThrownBy(() -> NamedData.load(DataSource.parse(text.toString(), null), want()))
                .hasMessage(text.toAbsolutePath() + ":3: column a_1: 'two' is not a number");
    }
}
