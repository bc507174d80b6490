package io.dlkit.plugins.detector.labels;

import static io.dlkit.plugins.detector.labels.YoloLabelsTest.assertBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocLabelsTest {
    private static final String XML =
            """
            <annotation>
              <folder>VOC2007</folder>
              <filename>000001.jpg</filename>
              <size><width>500</width><height>375</height><depth>3</depth></size>
              <object>
                <name>dog</name>
                <difficult>0</difficult>
                <bndbox><xmin>48</xmin><ymin>240</ymin><xmax>195</xmax><ymax>371</ymax></bndbox>
              </object>
              <object>
                <name>person</name>
                <difficult>1</difficult>
                <bndbox><xmin>8</xmin><ymin>12</ymin><xmax>352</xmax><ymax>498</ymax></bndbox>
              </object>
            </annotation>
            """;
    private static final List<String> NAMES = List.of("cat", "dog", "person");

    @TempDir Path dir;

    @Test
    void should_read_objects_as_fractions_of_the_image_from_one_based_pixels() throws Exception {
        Path f = dir.resolve("000001.xml");
        Files.writeString(f, XML);

        LabeledImage img = VocLabels.read(f, 7, NAMES);

        assertThat(img.id()).isEqualTo(7);
        assertThat(img.image()).isEqualTo("000001.jpg");
        assertThat(img.width()).isEqualTo(500);
        assertThat(img.height()).isEqualTo(375);
        assertThat(img.objects()).hasSize(2);
        LabeledBox dog = img.objects().get(0);
        assertThat(dog.classId()).isEqualTo(1);
        assertThat(dog.difficult()).isFalse();
        // (48 - 1) / 500, (240 - 1) / 375, (195 - 1) / 500, (371 - 1) / 375
        assertBox(dog.box(), 47f / 500, 239f / 375, 194f / 500, 370f / 375);
        assertThat(img.objects().get(1).difficult()).isTrue();
    }

    @Test
    void should_collect_sorted_class_names_from_a_folder() throws Exception {
        Files.writeString(dir.resolve("a.xml"), XML);
        LabelSet set = VocLabels.readFolder(dir, List.of());
        assertThat(set.classNames()).containsExactly("dog", "person");
        assertThat(set.images().get(0).objects())
                .extracting(LabeledBox::classId)
                .containsExactly(0, 1);
    }

    @Test
    void should_report_an_unknown_class_at_its_line() throws Exception {
        Path f = dir.resolve("a.xml");
        Files.writeString(f, XML.replace("<name>person</name>", "<name>persn</name>"));
        assertThatThrownBy(() -> VocLabels.read(f, 0, NAMES))
                .isInstanceOf(DlkitException.class)
                .hasMessage(f + ":11: unknown class 'persn'; use one of [cat, dog, person]");
    }

    @Test
    void should_report_a_missing_or_bad_coordinate_at_its_line() throws Exception {
        Path f = dir.resolve("a.xml");
        Files.writeString(f, XML.replace("<xmin>48</xmin>", ""));
        assertThatThrownBy(() -> VocLabels.read(f, 0, NAMES))
                .hasMessage(f + ":8: <bndbox> has no <xmin>; add it as in a Pascal VOC annotation");
        Files.writeString(f, XML.replace("<ymax>498</ymax>", "<ymax>4x8</ymax>"));
        assertThatThrownBy(() -> VocLabels.read(f, 0, NAMES))
                .hasMessage(f + ":13: <ymax> '4x8' is not a number; write pixels");
    }

    @Test
    void should_report_malformed_xml_with_its_line() throws Exception {
        Path f = dir.resolve("a.xml");
        Files.writeString(f, XML.replace("</size>", ""));
        assertThatThrownBy(() -> VocLabels.read(f, 0, NAMES))
                .isInstanceOf(DlkitException.class)
                .hasMessageStartingWith(f + ":")
                .hasMessageContaining(": malformed XML: ")
                .hasMessageNotContaining("\n");
    }
}
