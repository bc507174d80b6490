package io.dlkit.plugins.rnn.lm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Model files as text: JSON, which is YAML too and which dlkit's model reader takes. */
final class Yaml {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {}

    static String text(Map<String, Object> content) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a model file: " + e.getMessage(), e);
        }
    }
}
