package io.express4j.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the JSON case files that were produced by running the real npm packages on Node 20. */
final class Fixtures {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Fixtures() {}

    static JsonNode json(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
