package io.express4j.send;

import io.express4j.http.RangeParser.Range;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@code multipart/byteranges} body (RFC 9110 §14.6) for several ranges of one file: each part is a boundary
 * line, the part's {@code Content-Type} and {@code Content-Range}, an empty line and the bytes; a closing boundary
 * ends it. The boundary and part headers are small byte arrays; the ranges themselves stay file regions, so the
 * body is still sent without copying the file, and its length is known up front.
 *
 * <pre>
 * --BOUNDARY CRLF Content-Type: text/plain CRLF Content-Range: bytes 0-1/9 CRLF CRLF 12
 * CRLF --BOUNDARY CRLF ... CRLF CRLF 56
 * CRLF --BOUNDARY-- CRLF
 * </pre>
 */
record MultipartByteRanges(String contentType, List<FileSegment> segments, byte[] trailer, long length) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Lays out the parts for {@code ranges} (inclusive, relative to the {@code size} bytes being served, which start
     * at {@code offset} in the file); {@code partType} is the representation's Content-Type, null for none.
     */
    static MultipartByteRanges of(List<Range> ranges, long offset, long size, String partType) {
        String boundary = boundary();
        List<FileSegment> segments = new ArrayList<>(ranges.size());
        long length = 0;
        for (Range range : ranges) {
            StringBuilder head = new StringBuilder(96);
            if (!segments.isEmpty()) head.append("\r\n");
            head.append("--").append(boundary).append("\r\n");
            if (partType != null) head.append("Content-Type: ").append(partType).append("\r\n");
            head.append("Content-Range: bytes ")
                    .append(range.start())
                    .append('-')
                    .append(range.end())
                    .append('/')
                    .append(size)
                    .append("\r\n\r\n");
            byte[] prefix = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            long count = range.end() - range.start() + 1;
            segments.add(new FileSegment(prefix, offset + range.start(), count));
            length += prefix.length + count;
        }
        byte[] trailer = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return new MultipartByteRanges(
                "multipart/byteranges; boundary=" + boundary, List.copyOf(segments), trailer, length + trailer.length);
    }

    /** 128 unpredictable bits in hex: nobody can prepare a file that contains the delimiter. */
    private static String boundary() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }
}
