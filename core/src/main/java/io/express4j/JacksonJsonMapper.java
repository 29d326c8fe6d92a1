package io.express4j;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link io.express4j.JsonMapper}: Jackson 3, set up to write what {@code JSON.stringify} writes —
 * properties in declaration order, dates as ISO strings, and with an indent the exact layout of
 * {@code JSON.stringify(v, null, 2)} ({@code "a": 1}, empty {@code {}} and {@code []}, one element per line).
 */
public final class JacksonJsonMapper implements io.express4j.JsonMapper {
    private final JsonMapper mapper;
    private final ObjectWriter compact;
    private final ConcurrentHashMap<String, ObjectWriter> pretty = new ConcurrentHashMap<>();

    public JacksonJsonMapper() {
        this(JsonMapper.builder().disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build());
    }

    public JacksonJsonMapper(JsonMapper mapper) {
        this.mapper = mapper;
        this.compact = mapper.writer();
    }

    @Override
    public String stringify(Object value, String indent) {
        ObjectWriter writer = indent.isEmpty() ? compact : pretty.computeIfAbsent(indent, this::prettyWriter);
        return writer.writeValueAsString(value);
    }

    private ObjectWriter prettyWriter(String indent) {
        DefaultIndenter lines = new DefaultIndenter(indent, "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(lines)
                .withArrayIndenter(lines);
        return mapper.writer().with(printer);
    }

    @Override
    public Object parse(String json) {
        return mapper.readValue(json, Object.class);
    }

    @Override
    public <T> T parse(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }
}
