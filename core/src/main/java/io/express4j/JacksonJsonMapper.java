package io.express4j;

import io.express4j.http.JsStrings;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The default {@link io.express4j.spi.JsonMapper}: Jackson 3, set up to write what {@code JSON.stringify} writes —
 * properties in declaration order, dates as ISO strings, doubles and floats as JavaScript prints numbers ({@code 1}
 * not {@code 1.0}, {@code 1e+21}, NaN and the infinities as {@code null}), control characters escaped with lower-case
 * hex, {@link Express#UNDEFINED} left out of objects and {@code null} in arrays, and with an indent the exact layout
 * of {@code JSON.stringify(v, null, 2)} ({@code "a": 1}, empty {@code {}} and {@code []}, one element per line). A
 * mapper passed in by the caller is used as it is.
 */
public final class JacksonJsonMapper implements io.express4j.spi.JsonMapper {
    private final JsonMapper mapper;
    private final ObjectWriter compact;
    private final ConcurrentHashMap<String, ObjectWriter> pretty = new ConcurrentHashMap<>();

    public JacksonJsonMapper() {
        this(JsonMapper.builder()
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .addModule(new SimpleModule("js-numbers")
                        .addSerializer(Double.class, JsNumberSerializer.INSTANCE)
                        .addSerializer(Double.TYPE, JsNumberSerializer.INSTANCE)
                        .addSerializer(Float.class, JsNumberSerializer.INSTANCE)
                        .addSerializer(Float.TYPE, JsNumberSerializer.INSTANCE)
                        .addSerializer(Express.UNDEFINED.getClass(), UndefinedSerializer.INSTANCE))
                .changeDefaultPropertyInclusion(include ->
                        include.withValueFilter(UndefinedFilter.class).withContentFilter(UndefinedFilter.class))
                .build());
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
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter(separators).withObjectIndenter(lines).withArrayIndenter(lines);
        return mapper.writer().with(printer);
    }

    /** {@code JSON.stringify}'s numbers: JavaScript's {@code Number#toString}; non-finite values become null. */
    private static final class JsNumberSerializer extends ValueSerializer<Number> {
        static final JsNumberSerializer INSTANCE = new JsNumberSerializer();

        @Override
        public void serialize(Number value, JsonGenerator gen, SerializationContext ctxt) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value instanceof Float f ? JsStrings.numberToString(f) : JsStrings.numberToString(d));
            }
        }
    }

    /** {@link Express#UNDEFINED} where it cannot be left out (an array element): {@code null}, as in JavaScript. */
    private static final class UndefinedSerializer extends ValueSerializer<Object> {
        static final UndefinedSerializer INSTANCE = new UndefinedSerializer();

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeNull();
        }
    }

    /** Jackson's custom inclusion filter: a map entry or property valued {@link Express#UNDEFINED} is left out. */
    static final class UndefinedFilter {
        @Override
        public boolean equals(Object value) {
            return value == Express.UNDEFINED;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    @Override
    public Object parse(String json) {
        return mapper.readValue(json, Object.class);
    }

    @Override
    public <T> T parse(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    /** Jackson's {@code convertValue}: through a token buffer, without writing or reading JSON text. */
    @Override
    public <T> T convert(Object value, Class<T> type) {
        return mapper.convertValue(value, type);
    }
}
