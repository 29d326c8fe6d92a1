package io.express4j.send;

/**
 * One piece of a file-backed response body, described without Netty (the server turns it into a file region): {@code prefix} bytes written as they are (e.g. a multipart part's
 * boundary and headers, empty for a plain body) followed by {@code count} bytes of the file from {@code position},
 * which go from the page cache to the socket without passing through the heap.
 */
public record FileSegment(byte[] prefix, long position, long count) {
    private static final byte[] NONE = new byte[0];

    public FileSegment {
        if (prefix == null) prefix = NONE;
        if (position < 0 || count < 0) throw new IllegalArgumentException("negative file range");
    }

    /** A plain range of the file, nothing before it. */
    public static FileSegment of(long position, long count) {
        return new FileSegment(NONE, position, count);
    }
}
