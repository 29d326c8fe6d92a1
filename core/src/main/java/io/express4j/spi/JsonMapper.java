package io.express4j.spi;

/**
 * Turns values into JSON text and back; {@code res.json}, {@code res.send(Object)} and the JSON body parser use
 * the app's mapper (setting {@code "json mapper"}). The default is Jackson; plug another by implementing this.
 */
public interface JsonMapper {
    /**
     * Serialises like {@code JSON.stringify(value, null, indent)}: compact when {@code indent} is empty, else
     * pretty-printed with that indent string.
     */
    String stringify(Object value, String indent);

    /** Parses JSON text into maps, lists, strings, numbers, booleans and null. */
    Object parse(String json);

    /** Parses JSON text into the given type. */
    <T> T parse(String json, Class<T> type);

    /**
     * Converts a value (maps, lists and primitives as a body parser made them) into the given type, as parsing its
     * JSON text would. The default goes through the text; a mapper that can convert directly should.
     */
    default <T> T convert(Object value, Class<T> type) {
        return parse(stringify(value, ""), type);
    }
}
