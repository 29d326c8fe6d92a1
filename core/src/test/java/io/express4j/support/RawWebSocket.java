package io.express4j.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client at the frame level on one socket, for tests that care about the bytes (RFC 6455 §5.2): it
 * writes the handshake and frames exactly as told (masked or not, any opcode, RSV bits, fragments) and reads the
 * server's frames one by one.
 */
public final class RawWebSocket implements AutoCloseable {
    public static final int CONTINUATION = 0, TEXT = 1, BINARY = 2, CLOSE = 8, PING = 9, PONG = 10;

    /** The sample key of RFC 6455 §1.3 and its accept value. */
    public static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    public static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    /** A frame as the server sent it. */
    public record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** A close frame's code, or -1 when it has none. */
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }

        public String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    public RawWebSocket(int port) {
        this(port, 0);
    }

    /** With a small receive buffer ({@code receiveBuffer} bytes, 0 for the default), to test backpressure. */
    public RawWebSocket(int port, int receiveBuffer) {
        try {
            socket = new Socket();
            if (receiveBuffer > 0) socket.setReceiveBufferSize(receiveBuffer);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and upgrades {@code path} with the RFC's sample key; fails unless the answer is a 101. */
    public static RawWebSocket open(int port, String path) {
        RawWebSocket ws = new RawWebSocket(port);
        String head = ws.handshake(path, "");
        if (!head.startsWith("HTTP/1.1 101 ")) throw new AssertionError("not upgraded: " + head);
        return ws;
    }

    /** Sends an upgrade request for {@code path} with {@code extraHeaders} (CRLF-terminated lines); returns the head. */
    public String handshake(String path, String extraHeaders) {
        send(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                        + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return readHead();
    }

    /** Writes bytes as they are. */
    public RawWebSocket send(byte[] raw) {
        try {
            out.write(raw);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an HTTP response head (up to the blank line), as text. */
    public String readHead() {
        try {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) throw new EOFException("closed before the end of the head: " + head);
                head.write(b);
                byte[] h = head.toByteArray();
                int n = h.length;
                if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code n} bytes (a response body). */
    public String readBody(int n) {
        try {
            return new String(in.readNBytes(n), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A masked frame, as a client must send (RFC 6455 §5.3). */
    public static byte[] frame(boolean fin, int opcode, byte[] payload) {
        return frame(fin, 0, opcode, payload, true);
    }

    public static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | opcode & 0x0f);
        int maskBit = masked ? 0x80 : 0;
        int n = payload.length;
        if (n < 126) {
            f.write(maskBit | n);
        } else if (n < 65536) {
            f.write(maskBit | 126);
            f.write(n >>> 8);
            f.write(n);
        } else {
            f.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) f.write((int) ((long) n >>> shift));
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        if (masked) f.write(mask, 0, 4);
        for (int i = 0; i < n; i++) f.write(masked ? payload[i] ^ mask[i & 3] : payload[i]);
        return f.toByteArray();
    }

    public RawWebSocket sendFrame(boolean fin, int opcode, byte[] payload) {
        return send(frame(fin, opcode, payload));
    }

    public RawWebSocket sendText(String text) {
        return sendFrame(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A close frame with a code and a reason. */
    public static byte[] closePayload(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return p;
    }

    /** The server's next frame. */
    public Frame readFrame() {
        try {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long n = b1 & 0x7f;
            if (n == 126) n = in.readUnsignedShort();
            else if (n == 127) n = in.readLong();
            if ((b1 & 0x80) != 0) throw new AssertionError("the server masked a frame");
            byte[] payload = in.readNBytes((int) n);
            if (payload.length != n) throw new EOFException("frame cut short");
            return new Frame((b0 & 0x80) != 0, (b0 >>> 4) & 7, b0 & 0x0f, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every byte until the server closes the connection. */
    public byte[] readToClose() {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closed the TCP connection (EOF within the timeout). */
    public boolean closedByServer(int timeoutMillis) {
        try {
            socket.setSoTimeout(timeoutMillis);
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
