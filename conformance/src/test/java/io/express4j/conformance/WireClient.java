package io.express4j.conformance;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one case's bytes on a fresh connection and reads what comes back as the wire frames it, recording rather
 * than failing on anything odd (an early close, a timeout, a truncated body, garbage), since those are outcomes
 * to compare too. core's test RawClient throws on such outcomes; this one must describe them.
 */
final class WireClient {
    private static final int CLOSE_WAIT_MILLIS = 500;

    private WireClient() {}

    static WireExchange exchange(int port, Case c) {
        List<WireResponse> responses = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(c.timeoutMillis());
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(c.request());
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before taking everything (e.g. oversized heads): read anyway
            }
            String end = "ok";
            int finals = 0;
            while (finals < c.methods().size()) {
                WireResponse r;
                try {
                    r = readResponse(in, c.methods().get(finals));
                } catch (SocketTimeoutException e) {
                    end = "timeout";
                    break;
                } catch (EOFException e) {
                    end = "eof";
                    break;
                } catch (IOException e) {
                    end = "eof (" + e.getClass().getSimpleName() + ")";
                    break;
                } catch (MalformedResponse e) {
                    end = "malformed: " + e.getMessage();
                    break;
                }
                responses.add(r);
                if (r.status() >= 200 || r.status() == 101) finals++;
                if (r.truncated()) {
                    end = "cut short";
                    break;
                }
            }
            Boolean closed = c.checkClosed() ? closedByServer(socket, in) : null;
            return new WireExchange(responses, end, closed);
        } catch (IOException e) {
            return new WireExchange(responses, "connect failed: " + e.getMessage(), null);
        }
    }

    private static boolean closedByServer(Socket socket, InputStream in) {
        try {
            socket.setSoTimeout(CLOSE_WAIT_MILLIS);
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static final class MalformedResponse extends Exception {
        MalformedResponse(String message) {
            super(message);
        }
    }

    private static WireResponse readResponse(InputStream in, String method) throws IOException, MalformedResponse {
        String statusLine = readLine(in);
        if (statusLine == null) throw new EOFException();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new MalformedResponse(statusLine.length() > 60 ? statusLine.substring(0, 60) + "…" : statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String line;
        while (true) {
            line = readLine(in);
            if (line == null) throw new EOFException();
            if (line.isEmpty()) break;
            int colon = line.indexOf(':');
            if (colon < 0) throw new MalformedResponse("header line without a colon: " + line);
            // the value exactly as sent, minus the one space after the colon: padding is compared too
            String value = line.substring(colon + 1);
            headers.add(new AbstractMap.SimpleImmutableEntry<>(
                    line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value));
        }
        WireResponse head =
                new WireResponse(parts[0], status, parts.length > 2 ? parts[2] : "", headers, null, null, false);
        String te = head.header("Transfer-Encoding");
        String cl = head.header("Content-Length");
        boolean noBody = method.equalsIgnoreCase("HEAD") || status < 200 || status == 204 || status == 304;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String framing;
        boolean truncated = false;
        try {
            if (noBody) {
                framing = "none";
            } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                framing = "chunked";
                truncated = !readChunked(in, body);
            } else if (cl != null) {
                framing = "length";
                int n = Integer.parseInt(cl.strip());
                byte[] bytes = in.readNBytes(n);
                body.writeBytes(bytes);
                truncated = bytes.length < n;
            } else {
                framing = "close";
                body.writeBytes(in.readAllBytes());
            }
        } catch (SocketTimeoutException e) {
            framing = te != null ? "chunked" : cl != null ? "length" : "close";
            truncated = true;
        } catch (NumberFormatException e) {
            throw new MalformedResponse("bad framing: Content-Length " + cl);
        }
        return new WireResponse(parts[0], status, head.reason(), headers, body.toByteArray(), framing, truncated);
    }

    /** De-chunks into {@code body}; false when the stream ended before the last chunk. */
    private static boolean readChunked(InputStream in, ByteArrayOutputStream body)
            throws IOException, MalformedResponse {
        while (true) {
            String size = readLine(in);
            if (size == null) return false;
            int semi = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new MalformedResponse("bad chunk size line: " + size);
            }
            if (n == 0) {
                String trailer;
                while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                    // trailers: none expected from either server
                }
                return trailer != null;
            }
            byte[] chunk = in.readNBytes(n);
            body.writeBytes(chunk);
            if (chunk.length < n || readLine(in) == null) return false;
        }
    }

    /** A line without its CRLF (or bare LF), as ISO-8859-1; null at EOF before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
