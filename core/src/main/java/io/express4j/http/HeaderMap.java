package io.express4j.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The outgoing header store of Node's {@code ServerResponse}: names are matched case-insensitively but keep the
 * casing they were last set with (that casing goes on the wire), insertion order is kept (re-setting a header keeps
 * its place, as a JavaScript object key does), and a value is either one string or a list of strings, which becomes
 * one header line per element.
 *
 * <p>Responses carry a handful of headers, so a linear scan over two small arrays beats hashing and allocates less.
 * Not thread-safe: a response is written by one thread at a time.
 */
public final class HeaderMap {
    private String[] names = new String[8];
    private Object[] values = new Object[8];
    private int size;

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            String n = names[i];
            if (n == name || n.equalsIgnoreCase(name)) return i;
        }
        return -1;
    }

    /** Sets a single value, replacing any previous one (in place). */
    public void set(String name, String value) {
        put(name, value);
    }

    /** Sets a multi-value header: one wire line per element. The list is copied. */
    public void set(String name, List<String> values) {
        put(name, List.copyOf(values));
    }

    private void put(String name, Object value) {
        int i = indexOf(name);
        if (i >= 0) {
            names[i] = name;
            values[i] = value;
            return;
        }
        if (size == names.length) {
            names = java.util.Arrays.copyOf(names, size * 2);
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size++] = value;
    }

    /** The stored value: a {@code String}, a {@code List<String>}, or null when absent. */
    public Object get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    /** The value as one string: a list is joined with {@code ", "}; null when absent. */
    public String getString(String name) {
        Object v = get(name);
        if (v == null || v instanceof String) return (String) v;
        return String.join(", ", asList(v));
    }

    /** Every value of the header, in order; empty when absent. */
    public List<String> getAll(String name) {
        Object v = get(name);
        return v == null ? List.of() : asList(v);
    }

    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    /** Removes the header; returns whether it was present. */
    public boolean remove(String name) {
        int i = indexOf(name);
        if (i < 0) return false;
        int tail = size - i - 1;
        System.arraycopy(names, i + 1, names, i, tail);
        System.arraycopy(values, i + 1, values, i, tail);
        names[--size] = null;
        values[size] = null;
        return true;
    }

    public int size() {
        return size;
    }

    /** Header names with the casing they were set with, in insertion order. */
    public List<String> names() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(names[i]);
        return out;
    }

    /** Calls {@code line} once per wire line: a list value yields one call per element. */
    public void forEachLine(BiConsumer<String, String> line) {
        forEachLine(line, BiConsumer::accept);
    }

    /** Receives wire lines along with a target passed through, so that a caller need not capture it. */
    @FunctionalInterface
    public interface LineSink<T> {
        void line(T target, String name, String value);
    }

    /** Like {@link #forEachLine(BiConsumer)}, handing {@code target} to each call (no lambda per call site). */
    public <T> void forEachLine(T target, LineSink<T> sink) {
        for (int i = 0; i < size; i++) {
            Object v = values[i];
            if (v instanceof String s) {
                sink.line(target, names[i], s);
            } else {
                for (String s : asList(v)) sink.line(target, names[i], s);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> asList(Object v) {
        return v instanceof String s ? List.of(s) : (List<String>) v;
    }
}
