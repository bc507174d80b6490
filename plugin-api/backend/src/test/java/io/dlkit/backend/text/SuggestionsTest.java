package io.dlkit.backend.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
    @ParameterizedTest
    @CsvSource({
        // a, b, distance: hand-counted edits
        "width, width, 0",
        "widht, width, 1", // one swap
        "lod, load, 1", // one insertion
        "chanels, channels, 1",
        "img, image, 2", // two insertions
        "sav, load, 3", // s->l, insert o, v->d
        "'', abc, 3"
    })
    void should_count_edits_with_a_swap_as_one(String a, String b, int distance) {
        // when
        int d = Suggestions.distance(a, b);

        // then
        assertThat(d).isEqualTo(distance);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "widht       | ; did you mean 'width'?",
                "Width       | ; did you mean 'width'?",
                "hieght      | ; did you mean 'height'?",
                "keep-aspect | ; did you mean 'keep_aspect'?",
                "colour      | ''",
                "x           | ''"
            })
    void should_suggest_only_close_names(String name, String expected) {
        // when
        String hint = Suggestions.didYouMean(name, List.of("width", "height", "keep_aspect"));

        // then
        assertThat(hint).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void should_rank_several_close_names_best_first() {
        // when
        List<String> close =
                Suggestions.closest(
                        "image/sav",
                        List.of("image/load", "image/save", "image/saves", "image/size"));

        // then
        assertThat(close).containsExactly("image/save", "image/saves");
    }

    @ParameterizedTest
    @CsvSource({
        // name, the model-file form: the best name within max(2, length / 3) edits
        "unit, ' (did you mean units?)'",
        "kernal_size, ' (did you mean kernel_size?)'",
        "actvation, ' (did you mean activation?)'",
        "xyz, ''"
    })
    void should_offer_the_best_close_name_in_parentheses(String name, String hint) {
        assertThat(
                        Suggestions.inParentheses(
                                name, List.of("units", "kernel_size", "activation", "use_bias")))
                .isEqualTo(hint);
    }
}
