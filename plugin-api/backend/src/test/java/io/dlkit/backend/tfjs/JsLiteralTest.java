package io.dlkit.backend.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsLiteralTest {
    @Test
    void should_read_json_and_js_literals_with_unquoted_keys_single_quotes_and_trailing_commas() {
        Object v =
                JsLiteral.parse(
                        "{a: [1, -2.5e1, 'it\\'s',], \"b\": {c: null, d: !0, e: !1}, $f: \"\\u0041\",}",
                        "x.js");

        assertThat(v)
                .isEqualTo(
                        Map.of(
                                "a", List.of(1L, -25.0, "it's"),
                                "b", java.util.Collections.unmodifiableMap(nested()),
                                "$f", "A"));
    }

    private static Map<String, Object> nested() {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("c", null);
        m.put("d", true);
        m.put("e", false);
        return m;
    }

    @Test
    void should_report_the_offset_of_a_syntax_error() {
        assertThatThrownBy(() -> JsLiteral.parse("{\"a\": [1 2]}", "m.json"))
                .hasMessage(
                        "m.json: expected ',' or ']' in an array at character 9; is it a TF.js"
                                + " model file?");
    }
}
