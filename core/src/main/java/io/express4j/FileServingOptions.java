package io.express4j;

import io.express4j.send.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options {@link SendFileOptions} and {@link StaticOptions} share — those of the {@code send} module, by their
 * Express names and with its defaults. Setters return the options object, getters have the same name.
 *
 * @param <T> the concrete options class, so that chained setters keep its type
 */
public abstract class FileServingOptions<T extends FileServingOptions<T>> {
    private static final double ONE_YEAR_MILLIS = 60L * 60 * 24 * 365 * 1000;

    private double maxAgeMillis;
    private boolean cacheControl = true;
    private boolean immutable;
    private boolean lastModified = true;
    private boolean acceptRanges = true;
    private String dotfiles = "ignore";
    private List<String> extensions = List.of();
    private List<String> index = List.of("index.html");
    private Map<String, Object> headers = Map.of();

    FileServingOptions() {}

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /** {@code maxAge} in milliseconds for {@code Cache-Control: public, max-age=<seconds>} (default 0). */
    public T maxAge(double millis) {
        this.maxAgeMillis = millis;
        return self();
    }

    /** {@code maxAge} as a duration string read as the {@code ms} package does: {@code "20000"}, {@code "1d"}. */
    public T maxAge(String duration) {
        this.maxAgeMillis = duration.isEmpty() ? 0 : Durations.parseMillis(duration);
        return self();
    }

    public T maxAge(Duration duration) {
        return maxAge((double) duration.toMillis());
    }

    /** The effective max age in milliseconds: within 0 and one year, unparseable as 0 (as send clamps it). */
    public double maxAge() {
        return Double.isNaN(maxAgeMillis) ? 0 : Math.min(Math.max(0, maxAgeMillis), ONE_YEAR_MILLIS);
    }

    /** Whether to set {@code Cache-Control} (default true). */
    public T cacheControl(boolean on) {
        this.cacheControl = on;
        return self();
    }

    public boolean cacheControl() {
        return cacheControl;
    }

    /** Adds {@code immutable} to {@code Cache-Control} (default false). */
    public T immutable(boolean on) {
        this.immutable = on;
        return self();
    }

    public boolean immutable() {
        return immutable;
    }

    /** Whether to set {@code Last-Modified} from the file's modification time (default true). */
    public T lastModified(boolean on) {
        this.lastModified = on;
        return self();
    }

    public boolean lastModified() {
        return lastModified;
    }

    /** Whether to announce and honour byte ranges (default true). */
    public T acceptRanges(boolean on) {
        this.acceptRanges = on;
        return self();
    }

    public boolean acceptRanges() {
        return acceptRanges;
    }

    /**
     * What to do with a path that has a segment starting with a dot: {@code "ignore"} (default: 404 as if absent),
     * {@code "deny"} (403) or {@code "allow"}.
     */
    public T dotfiles(String mode) {
        if (!"allow".equals(mode) && !"deny".equals(mode) && !"ignore".equals(mode)) {
            throw new IllegalArgumentException("dotfiles option must be \"allow\", \"deny\", or \"ignore\"");
        }
        this.dotfiles = mode;
        return self();
    }

    public String dotfiles() {
        return dotfiles;
    }

    /** Extensions tried in order when the file is not found and the path has none ({@code "html"}, no dot). */
    public T extensions(String... extensions) {
        return extensions(Arrays.asList(extensions));
    }

    public T extensions(List<String> extensions) {
        this.extensions = strings(extensions, "extensions option");
        return self();
    }

    public List<String> extensions() {
        return extensions;
    }

    /** Index files tried in order for a path ending in {@code /} (default {@code index.html}). */
    public T index(String... names) {
        return index(Arrays.asList(names));
    }

    public T index(List<String> names) {
        this.index = strings(names, "index option");
        return self();
    }

    /** {@code index: false} turns index files off; true restores the default {@code index.html}. */
    public T index(boolean on) {
        this.index = on ? List.of("index.html") : List.of();
        return self();
    }

    public List<String> index() {
        return index;
    }

    /**
     * Headers set when a file is about to be sent, before the defaults, so they can override any of them; a
     * {@code List} value becomes several lines. Not applied to errors.
     */
    public T headers(Map<String, ?> headers) {
        this.headers = new LinkedHashMap<>(headers);
        return self();
    }

    public Map<String, Object> headers() {
        return headers;
    }

    private static List<String> strings(List<String> values, String name) {
        for (String v : values) {
            if (v == null) throw new IllegalArgumentException(name + " must be array of strings or false");
        }
        return List.copyOf(values);
    }
}
