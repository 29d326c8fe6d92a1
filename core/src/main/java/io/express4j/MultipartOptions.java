package io.express4j;

import io.express4j.http.Bytes;
import java.nio.file.Path;
import java.util.List;

/**
 * Options of {@link Express#multipart}: which requests it handles and how much it accepts. Going past a limit is
 * a 413 {@link HttpError} whose type names the limit ({@code "file.too.large"}, {@code "files.too.many"},
 * {@code "fields.too.many"}, {@code "field.too.large"}, {@code "entity.too.large"}); a malformed body is a 400
 * {@code "entity.parse.failed"}.
 */
public final class MultipartOptions {
    private long limit = Long.MAX_VALUE;
    private long fileSize = 10L << 20;
    private int files = 10;
    private int fields = 1000;
    private long fieldSize = 1L << 20;
    private long inMemoryThreshold = 16 * 1024;
    private Path tempDir;
    private List<String> types = List.of("multipart/form-data");
    private String defaultCharset = "utf-8";

    private static long bytes(String size, String option) {
        Long n = Bytes.parse(size);
        if (n == null) throw new IllegalArgumentException("option " + option + " \"" + size + "\" is invalid");
        return n;
    }

    /** The whole body, in bytes (default: no limit beyond the others). */
    public MultipartOptions limit(long bytes) {
        this.limit = bytes;
        return this;
    }

    public MultipartOptions limit(String size) {
        return limit(bytes(size, "limit"));
    }

    /** The largest file (default 10 mb). */
    public MultipartOptions fileSize(long bytes) {
        this.fileSize = bytes;
        return this;
    }

    public MultipartOptions fileSize(String size) {
        return fileSize(bytes(size, "fileSize"));
    }

    /** The most files per request (default 10). */
    public MultipartOptions files(int count) {
        this.files = count;
        return this;
    }

    /** The most non-file fields per request (default 1000). */
    public MultipartOptions fields(int count) {
        this.fields = count;
        return this;
    }

    /** The largest non-file field value (default 1 mb). */
    public MultipartOptions fieldSize(long bytes) {
        this.fieldSize = bytes;
        return this;
    }

    public MultipartOptions fieldSize(String size) {
        return fieldSize(bytes(size, "fieldSize"));
    }

    /** Files larger than this go to a temporary file instead of memory (default 16 kb). */
    public MultipartOptions inMemoryThreshold(long bytes) {
        this.inMemoryThreshold = bytes;
        return this;
    }

    public MultipartOptions inMemoryThreshold(String size) {
        return inMemoryThreshold(bytes(size, "inMemoryThreshold"));
    }

    /** Where temporary files go (default: the JVM's {@code java.io.tmpdir}). */
    public MultipartOptions tempDir(Path dir) {
        this.tempDir = dir;
        return this;
    }

    /** Which Content-Types are handled, as type-is matches them (default {@code multipart/form-data}). */
    public MultipartOptions type(String... types) {
        this.types = List.of(types);
        return this;
    }

    /** The charset of field values whose part names none (default utf-8). */
    public MultipartOptions defaultCharset(String charset) {
        this.defaultCharset = charset;
        return this;
    }

    public long limit() {
        return limit;
    }

    public long fileSize() {
        return fileSize;
    }

    public int files() {
        return files;
    }

    public int fields() {
        return fields;
    }

    public long fieldSize() {
        return fieldSize;
    }

    public long inMemoryThreshold() {
        return inMemoryThreshold;
    }

    public Path tempDir() {
        return tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));
    }

    public List<String> types() {
        return types;
    }

    public String defaultCharset() {
        return defaultCharset;
    }
}
