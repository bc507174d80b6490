package io.dlkit.backend.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.io.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir Path dir;

    private Path csv(String content) throws IOException {
        return Files.writeString(dir.resolve("train.csv"), content);
    }

    private static Dataset read(Path file) throws IOException {
        return CsvReader.builder().build().read(file);
    }

    @Test
    void should_detect_a_header_and_use_the_column_named_label() throws Exception {
        // given
        Path file = csv("a,label,b\n1.5,2,-3\n4,0,5e-1\n");

        // when
        Dataset d = read(file);

        // then
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.featureShape()).containsExactly(2);
        assertThat(d.features()).containsExactly(1.5f, -3f, 4f, 0.5f);
        assertThat(d.labels()).containsExactly(2, 0);
        assertThat(d.numClasses()).isEqualTo(3); // inferred: largest label + 1
    }

    @Test
    void should_read_a_file_without_header_with_the_label_last() throws Exception {
        // given: CRLF line ends, a blank line and a final line without newline
        Path file = csv("0.1,0.2,1\r\n\r\n0.3,0.4,0");

        // when
        Dataset d = read(file);

        // then
        assertThat(d.features()).containsExactly(0.1f, 0.2f, 0.3f, 0.4f);
        assertThat(d.labels()).containsExactly(1, 0);
    }

    @Test
    void should_strip_a_byte_order_mark_and_quotes() throws Exception {
        Path file = csv("\uFEFF\"x\", \"y\"\n\"7\", 1\n");

        Dataset d = CsvReader.builder().optLabelColumn("y").build().read(file);

        assertThat(d.features()).containsExactly(7f);
        assertThat(d.labels()).containsExactly(1);
    }

    @Test
    void should_choose_the_label_column_by_name_or_index() throws Exception {
        Path file = csv("species,w,h\n1,10,20\n0,30,40\n");

        Dataset byName = CsvReader.builder().optLabelColumn("species").build().read(file);
        Dataset byIndex = CsvReader.builder().optLabelIndex(0).build().read(file);
        Dataset fromEnd = CsvReader.builder().optLabelIndex(-3).build().read(file);

        for (Dataset d : new Dataset[] {byName, byIndex, fromEnd}) {
            assertThat(d.features()).containsExactly(10f, 20f, 30f, 40f);
            assertThat(d.labels()).containsExactly(1, 0);
        }
    }

    @Test
    void should_take_a_given_number_of_classes() throws Exception {
        Path file = csv("1,0\n2,1\n");

        Dataset d = CsvReader.builder().optNumClasses(5).build().read(file);

        assertThat(d.numClasses()).isEqualTo(5);
        assertThat(d.classCounts()).containsExactly(1, 1, 0, 0, 0);
    }

    @Test
    void should_read_float_targets_for_regression() throws Exception {
        Path file = csv("x,y\n1,0.25\n2,-1.5\n");

        Dataset d = CsvReader.builder().optTargets(true).build().read(file);

        assertThat(d.hasClassLabels()).isFalse();
        assertThat(d.targets()).containsExactly(0.25f, -1.5f);
        assertThat(d.targetShape()).containsExactly(1);
    }

    @Test
    void should_read_a_header_forced_on_or_off() throws Exception {
        Path file = csv("1,2,0\n3,4,1\n");

        Dataset d = CsvReader.builder().optHeader(true).build().read(file);

        assertThat(d.size()).isEqualTo(1);
        assertThat(d.features()).containsExactly(3f, 4f);
    }

    @Test
    void should_name_line_and_counts_of_a_ragged_row() throws Exception {
        // given: a header on line 1, good rows on lines 2-16, a short row on line 17
        StringBuilder s = new StringBuilder("a,b,c,d,label\n");
        for (int i = 2; i <= 16; i++) {
            s.append("1,2,3,4,0\n");
        }
        s.append("1,2,3,0\n");
        Path file = csv(s.toString());

        // when / then
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ":17: expected 5 columns, got 4");
    }

    @Test
    void should_name_row_and_column_of_a_field_that_is_not_a_number() throws Exception {
        Path withHeader = csv("sepal,petal_width,label\n1,2,0\n3,abc,1\n");

        assertThatThrownBy(() -> read(withHeader))
                .hasMessage(withHeader + ":3: column 2 (petal_width): 'abc' is not a number");
    }

    @Test
    void should_number_the_column_of_a_bad_field_without_header() throws Exception {
        Path file = csv("1,2,0\n3,,1\n");

        assertThatThrownBy(() -> CsvReader.builder().optHeader(false).build().read(file))
                .hasMessage(file + ":2: column 2: '' is not a number");
    }

    @Test
    void should_reject_a_label_that_is_not_an_integer() throws Exception {
        Path file = csv("x,label\n1,0\n2,1.5\n");

        assertThatThrownBy(() -> read(file))
                .hasMessage(
                        file
                                + ":3: label 1.5 in column 2 (label) is not an integer; class"
                                + " labels must be integers 0..K-1");
    }

    @Test
    void should_reject_a_label_out_of_the_given_range() throws Exception {
        Path file = csv("x,label\n1,0\n2,3\n");

        assertThatThrownBy(() -> CsvReader.builder().optNumClasses(3).build().read(file))
                .hasMessage(
                        file
                                + ":3: label 3 in column 2 (label) is out of range; class labels"
                                + " must be integers 0..2");
    }

    @Test
    void should_reject_a_negative_label() throws Exception {
        Path file = csv("1,-1\n");

        assertThatThrownBy(() -> read(file))
                .hasMessage(
                        file
                                + ":1: label -1 in column 2 is out of range; class labels must be"
                                + " integers 0..K-1");
    }

    @Test
    void should_list_the_columns_when_the_label_name_is_unknown() throws Exception {
        Path file = csv("a,b,label\n1,2,0\n");

        assertThatThrownBy(() -> CsvReader.builder().optLabelColumn("target").build().read(file))
                .hasMessage(file + ": no column named 'target'; the columns are a, b, label");
    }

    @Test
    void should_reject_a_label_name_without_header() throws Exception {
        Path file = csv("1,2,0\n");

        assertThatThrownBy(() -> CsvReader.builder().optLabelColumn("label").build().read(file))
                .hasMessage(
                        file
                                + ": label column 'label' is given by name but the file has no"
                                + " header row; give its index");
    }

    @Test
    void should_reject_a_label_index_out_of_range() throws Exception {
        Path file = csv("1,2,0\n");

        assertThatThrownBy(() -> CsvReader.builder().optLabelIndex(3).build().read(file))
                .hasMessage(
                        file + ": label column 3 is out of range; the file has 3 columns (0..2)");
    }

    @Test
    void should_reject_an_empty_file() throws Exception {
        Path file = csv("\n  \n");

        assertThatThrownBy(() -> read(file))
                .hasMessage(file + ": the file is empty; expected rows of comma-separated numbers");
    }

    @Test
    void should_reject_a_header_without_rows() throws Exception {
        Path file = csv("a,label\n");

        assertThatThrownBy(() -> read(file)).hasMessage(file + ": no data rows after the header");
    }

    @Test
    void should_reject_a_single_column() throws Exception {
        Path file = csv("1\n2\n");

        assertThatThrownBy(() -> read(file))
                .hasMessage(
                        file
                                + ":1: found 1 column; a data set needs at least one feature"
                                + " column and a label");
    }

    @Test
    void should_refuse_a_line_longer_than_the_limit_instead_of_buffering_it() throws Exception {
        // given: a first line of 1 Mi + 1 characters and no line break
        Path file = csv("1," + "0".repeat(CsvReader.MAX_LINE_CHARS - 1));

        // when / then
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ":1: line longer than 1048576 characters; this is not a CSV file"
                                + " of numbers, or a row is far too wide");
    }

    @Test
    void should_count_lines_to_the_one_that_is_too_long() throws Exception {
        Path file = csv("a,label\n1,0\r\n2,1\r" + "3".repeat(20) + ",0\n");

        assertThatThrownBy(() -> CsvReader.builder().optMaxLineChars(10).build().read(file))
                .hasMessageStartingWith(file + ":4: line longer than 10 characters");
    }

    @Test
    void should_read_a_line_exactly_at_the_limit_across_buffer_refills() throws Exception {
        // given: lines ending in \r, \n and \r\n, one of 70000 characters (past a 64 Ki buffer)
        String wide = "0".repeat(69_998) + "1,2";
        Path file = csv("5,1\r" + wide + "\r\n7,0\n");

        // when
        Dataset d = CsvReader.builder().optMaxLineChars(wide.length()).build().read(file);

        // then: the wide line is feature 000...01 = 1 and label 2; rows stay aligned
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.features()).containsExactly(5f, 1f, 7f);
        assertThat(d.labels()).containsExactly(1, 2, 0);
    }
}
