package io.express4j.test;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads HTTP/1.1 responses off a byte stream the way a client must frame them (RFC 9112 §6.3): no body after HEAD,
 * 1xx, 204 and 304; else chunked, else Content-Length, else until the server closes. The test module reads bytes
 * itself rather than through a codec because the same reader serves the in-process and the socket wire, so both
 * are judged by the very bytes they carried.
 */
final class ResponseReader {
    private final InputStream in;
    /** The line being read, reused: a head is a dozen lines. */
    private final StringBuilder line = new StringBuilder(128);

    /** {@code in} should be buffered: heads are read a byte at a time. */
    ResponseReader(InputStream in) {
        this.in = in;
    }

    /**
     * A reader over a connection's raw input, buffered: 2 KiB holds a usual head and small body (a body read in
     * larger pieces bypasses the buffer), where the default 8 KiB would be allocated per request for nothing.
     */
    static ResponseReader over(InputStream raw) {
        return new ResponseReader(new BufferedInputStream(raw, 2048));
    }

    /** The next response head, interim (1xx) ones included; null when the server closed before sending one. */
    ResponseHead readHead() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) return null;
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad status line: " + statusLine, e);
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IOException("bad header line: " + line);
            fields.add(new AbstractMap.SimpleImmutableEntry<>(
                    line.substring(0, colon), line.substring(colon + 1).trim()));
        }
        if (line == null) throw new EOFException("connection closed inside a response head");
        return new ResponseHead(parts[0], status, parts.length > 2 ? parts[2] : "", List.copyOf(fields));
    }

    /** The next final response's head, skipping interim ones (100 Continue, 103 Early Hints). */
    ResponseHead readFinalHead() throws IOException {
        ResponseHead head;
        do {
            head = readHead();
        } while (head != null && head.interim());
        return head;
    }

    /** The body of the response {@code head} answers to a request of {@code method}, framing removed. */
    InputStream body(ResponseHead head, String method) throws IOException {
        int status = head.status();
        if ("HEAD".equalsIgnoreCase(method) || status < 200 || status == 204 || status == 304) {
            return InputStream.nullInputStream();
        }
        if (head.chunked()) return new ChunkedBody();
        String length = head.value("content-length");
        if (length != null) {
            try {
                return new LengthBody(Long.parseLong(length.trim()));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + length, e);
            }
        }
        return in; // until the server closes
    }

    /** A line without its CRLF (a bare LF is accepted); null at the end of the stream before any byte. */
    private String readLine() throws IOException {
        StringBuilder line = this.line;
        line.setLength(0);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') line.setLength(n - 1);
                return line.toString();
            }
            line.append((char) b); // ISO-8859-1: each byte is the char of the same value
        }
        if (line.isEmpty()) return null;
        throw new EOFException("connection closed inside a line");
    }

    /** A body read through its framing; single bytes go through the bulk read. */
    private abstract static class FramedBody extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    /** Exactly {@code remaining} bytes. */
    private final class LengthBody extends FramedBody {
        private long remaining;

        LengthBody(long length) {
            remaining = length;
        }

        /** The whole body in an array of its length (InputStream's default grows 16 KiB buffers). */
        @Override
        public byte[] readAllBytes() throws IOException {
            if (remaining > Integer.MAX_VALUE - 8) return super.readAllBytes();
            byte[] all = new byte[(int) remaining];
            int n = 0;
            while (n < all.length) n += read(all, n, all.length - n); // read throws at a premature end
            return all;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) throw new EOFException("connection closed with " + remaining + " body bytes missing");
            remaining -= n;
            return n;
        }
    }

    /** A chunked body, read chunk by chunk as it arrives; trailers are skipped. */
    private final class ChunkedBody extends FramedBody {
        private long left;
        private boolean done;

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (left == 0) {
                String size = readLine();
                if (size == null) throw new EOFException("connection closed inside a chunked body");
                int semi = size.indexOf(';');
                try {
                    left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size: " + size, e);
                }
                if (left == 0) {
                    String trailer;
                    do {
                        trailer = readLine();
                    } while (trailer != null && !trailer.isEmpty());
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) throw new EOFException("connection closed inside a chunk");
            left -= n;
            if (left == 0) {
                String end = readLine();
                if (end == null || !end.isEmpty()) throw new IOException("chunk not followed by CRLF");
            }
            return n;
        }
    }
}
