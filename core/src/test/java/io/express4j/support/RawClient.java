package io.express4j.support;

import io.express4j.server.InProcessConnection;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client on one socket, for tests that care about the bytes: it writes exactly what it is given and
 * reads responses the way the wire frames them (Content-Length, chunked, or until close; no body for HEAD, 1xx,
 * 204 and 304). Several requests may be written before reading, to test pipelining. On a socket, or on an in-process
 * connection (the same pipeline, no port) for tests where the socket itself does not matter.
 */
public final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InProcessConnection local;
    private final InputStream in;
    private final OutputStream out;

    public RawClient(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            local = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On a socket the caller connected, e.g. an {@code SSLSocket}. */
    public RawClient(Socket connected) {
        try {
            socket = connected;
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            local = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RawClient(InProcessConnection connection) {
        socket = null;
        local = connection;
        local.readTimeout(10_000);
        in = new BufferedInputStream(connection.input());
        out = connection.output();
    }

    /** The socket; null on an in-process connection. */
    public Socket socket() {
        return socket;
    }

    public RawClient send(String raw) {
        return send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawClient send(byte[] raw) {
        try {
            out.write(raw);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the next final response (skipping 1xx interim ones) to a request of the given method. */
    public RawResponse read(String method) {
        try {
            while (true) {
                RawResponse r = readOne(method);
                if (r.status() >= 200 || r.status() == 101) return r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response, interim ones included. */
    public RawResponse readInterim(String method) {
        try {
            return readOne(method);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every byte the server sends until it closes the connection, unparsed (to check chunk framing). */
    public byte[] readToClose() {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closed the connection (EOF within the timeout). */
    public boolean isClosedByServer(int timeoutMillis) {
        try {
            if (socket != null) socket.setSoTimeout(timeoutMillis);
            else local.readTimeout(timeoutMillis);
            return in.read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private RawResponse readOne(String method) throws IOException {
        String statusLine = readLine();
        if (statusLine == null) throw new IOException("connection closed before a response");
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        String reason = parts.length > 2 ? parts[2] : "";
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.add(new AbstractMap.SimpleImmutableEntry<>(
                    line.substring(0, colon), line.substring(colon + 1).trim()));
        }
        String te = find(headers, "transfer-encoding");
        String cl = find(headers, "content-length");
        boolean noBody = method.equalsIgnoreCase("HEAD") || status < 200 || status == 204 || status == 304;
        byte[] body;
        boolean chunked = false;
        if (noBody) {
            body = new byte[0];
        } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            chunked = true;
            body = readChunked();
        } else if (cl != null) {
            body = in.readNBytes(Integer.parseInt(cl.trim()));
        } else {
            body = in.readAllBytes();
        }
        return new RawResponse(parts[0], status, reason, headers, body, chunked);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine();
            if (size == null) throw new IOException("truncated chunked body");
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                String trailer;
                while ((trailer = readLine()) != null && !trailer.isEmpty()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            readLine();
        }
    }

    private String readLine() throws IOException {
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

    private static String find(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> h : headers) if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
        return null;
    }

    @Override
    public void close() {
        if (local != null) {
            local.close();
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
