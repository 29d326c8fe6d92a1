package io.express4j.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link TestClient#raw}: bytes sent as they are, every byte of the answer returned. The connection may stay open
 * (keep-alive), so the answer is known to be whole once each complete request in the bytes got its final response,
 * or once the server closed. The requests are found by a light scan of the bytes (heads, then Content-Length or
 * chunked bodies); what the scan cannot frame is left to the server, which answers it and closes.
 */
final class RawExchange {
    private RawExchange() {}

    static byte[] run(Wire wire, byte[] request, Duration timeout) throws IOException {
        Scan scan = scan(request);
        try (Wire.Connection connection = wire.connect(timeout)) {
            try {
                connection.output().write(request);
                connection.output().flush();
            } catch (IOException e) {
                // the server closed first (it refused the request): its answer is still there to read
            }
            Recording recording = new Recording(connection.input());
            ResponseReader reader = new ResponseReader(new BufferedInputStream(recording));
            try {
                for (String method : scan.methods) {
                    ResponseHead head = reader.readFinalHead();
                    if (head == null) break;
                    reader.body(head, method).transferTo(OutputStream.nullOutputStream());
                }
                if (scan.methods.isEmpty() || scan.rest) {
                    // an incomplete or unframable request: read what the server says until it closes, or until the
                    // interim 100 Continue a head with Expect gets while its body is missing
                    ResponseHead head = reader.readHead();
                    while (head != null && !(scan.awaitsContinue && head.status() == 100)) {
                        reader.body(head, "GET").transferTo(OutputStream.nullOutputStream());
                        head = reader.readHead();
                    }
                }
            } catch (IOException e) {
                if (recording.bytes.size() == 0) throw e;
                // the server closed mid-answer: what came is the answer
            }
            return recording.bytes.toByteArray();
        }
    }

    /** The methods of the complete requests in order; whether bytes remain after them (an incomplete request). */
    private record Scan(List<String> methods, boolean rest, boolean awaitsContinue) {}

    private static Scan scan(byte[] bytes) {
        List<String> methods = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int end = headEnd(bytes, at);
            if (end < 0) return new Scan(methods, true, false);
            String head = new String(bytes, at, end - at, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r?\n");
            int space = lines[0].indexOf(' ');
            String method = space < 0 ? lines[0] : lines[0].substring(0, space);
            long length = 0;
            boolean chunked = false;
            boolean expect = false;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].toLowerCase(Locale.ROOT);
                if (line.startsWith("content-length:")) {
                    try {
                        length = Long.parseLong(line.substring(15).trim());
                    } catch (NumberFormatException e) {
                        return new Scan(methods, true, false);
                    }
                }
                if (line.startsWith("transfer-encoding:") && line.contains("chunked")) chunked = true;
                if (line.startsWith("expect:")) expect = true;
            }
            int bodyEnd = chunked ? chunkedEnd(bytes, end) : (int) Math.min(Integer.MAX_VALUE, end + length);
            if (bodyEnd < 0 || bodyEnd > bytes.length) return new Scan(methods, true, expect);
            methods.add(method);
            at = bodyEnd;
        }
        return new Scan(methods, false, false);
    }

    /** The index just after the blank line ending the head starting at {@code from}; -1 when incomplete. */
    private static int headEnd(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != '\n') continue;
            if (i + 1 < b.length && b[i + 1] == '\n') return i + 2;
            if (i + 2 < b.length && b[i + 1] == '\r' && b[i + 2] == '\n') return i + 3;
        }
        return -1;
    }

    /** The index after a chunked body starting at {@code at}; -1 when incomplete or unreadable. */
    private static int chunkedEnd(byte[] b, int at) {
        while (true) {
            int lineEnd = indexOf(b, (byte) '\n', at);
            if (lineEnd < 0) return -1;
            String size = new String(b, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim();
            int semi = size.indexOf(';');
            long n;
            try {
                n = Long.parseLong(semi < 0 ? size : size.substring(0, semi).trim(), 16);
            } catch (NumberFormatException e) {
                return -1;
            }
            at = lineEnd + 1;
            if (n == 0) {
                // trailers, then the blank line
                while (true) {
                    int end = indexOf(b, (byte) '\n', at);
                    if (end < 0) return -1;
                    boolean blank = end == at || end == at + 1 && b[at] == '\r';
                    at = end + 1;
                    if (blank) return at;
                }
            }
            at += (int) n;
            int crlf = indexOf(b, (byte) '\n', at);
            if (crlf < 0) return -1;
            at = crlf + 1;
        }
    }

    private static int indexOf(byte[] b, byte value, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == value) return i;
        return -1;
    }

    /** Keeps every byte read from the connection. */
    private static final class Recording extends FilterInputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) bytes.write(b);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) bytes.write(b, off, n);
            return n;
        }
    }
}
