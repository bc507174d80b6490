package io.dlkit.cli.addon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddOnsTest {
    @Test
    void should_say_how_to_get_spark_when_it_is_not_on_the_class_path() {
        // the cli's own class path has no Spark and no add-on
        assertThat(AddOns.sparkVersion(AddOns.class.getClassLoader())).isNull();
        assertThat(AddOns.all()).isEmpty();
        assertThat(AddOns.sparkStatus())
                .isEqualTo(
                        "not installed (build with: mvn -pl plugins/spark -am package -DskipTests;"
                                + " then run plugins/spark/target/dlkit-spark/bin/dlkit)");
    }

    @Test
    void should_name_the_spark_version_and_whether_the_add_on_is_there() {
        assertThat(AddOns.sparkStatus("3.5.8", true)).isEqualTo("3.5.8 (add-on dlkit-spark)");
        assertThat(AddOns.sparkStatus("3.5.8", false))
                .isEqualTo("3.5.8 (on the class path, but the add-on dlkit-spark is missing)");
    }
}
