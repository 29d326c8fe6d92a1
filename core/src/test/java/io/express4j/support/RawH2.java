package io.express4j.support;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/2 frames written and read by hand over a plain socket, for what a well-behaved client codec will not send:
 * streams beyond the server's limit, header lists beyond its size, reset floods, malformed frames. HPACK comes from
 * Netty's public encoder and decoder (one of each per connection: their tables are the connection's).
 */
public final class RawH2 implements AutoCloseable {
    public static final int DATA = 0x0;
    public static final int HEADERS = 0x1;
    public static final int RST_STREAM = 0x3;
    public static final int SETTINGS = 0x4;
    public static final int PING = 0x6;
    public static final int GOAWAY = 0x7;
    public static final int WINDOW_UPDATE = 0x8;
    public static final int CONTINUATION = 0x9;

    public static final int END_STREAM = 0x1;
    public static final int END_HEADERS = 0x4;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final String authority;
    private final DefaultHttp2HeadersEncoder encoder =
            new DefaultHttp2HeadersEncoder(DefaultHttp2HeadersEncoder.NEVER_SENSITIVE, true);
    private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false, Long.MAX_VALUE);

    /** A frame as read: its type, flags, stream and payload (decoded headers for HEADERS). */
    public record Frame(int type, int flags, int stream, byte[] payload, Http2Headers headers) {
        /** The error code of a RST_STREAM or GOAWAY. */
        public long errorCode() {
            int at = type == GOAWAY ? 4 : 0;
            return ((payload[at] & 0xffL) << 24)
                    | ((payload[at + 1] & 0xff) << 16)
                    | ((payload[at + 2] & 0xff) << 8)
                    | (payload[at + 3] & 0xff);
        }
    }

    /** Connects and sends the preface and an empty SETTINGS frame. */
    public RawH2(int port) {
        this(port, true);
    }

    public RawH2(int port, boolean preface) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(20_000);
            out = socket.getOutputStream();
            in = new DataInputStream(socket.getInputStream());
            authority = "127.0.0.1:" + port;
            if (preface) preface();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RawH2 send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sends the connection preface and an empty SETTINGS frame (after an h2c upgrade's 101, say). */
    public RawH2 preface() {
        send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return frame(SETTINGS, 0, 0, new byte[0]);
    }

    /** An HTTP/1.1 response head, up to and including its blank line (the 101 of an h2c upgrade). */
    public String readHttp1Head() {
        StringBuilder head = new StringBuilder();
        try {
            while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.readUnsignedByte());
        } catch (IOException e) {
            throw new UncheckedIOException("the connection ended after: " + head, e);
        }
        return head.toString();
    }

    public RawH2 frame(int type, int flags, int stream, byte[] payload) {
        byte[] frame = new byte[9 + payload.length];
        frame[0] = (byte) (payload.length >>> 16);
        frame[1] = (byte) (payload.length >>> 8);
        frame[2] = (byte) payload.length;
        frame[3] = (byte) type;
        frame[4] = (byte) flags;
        frame[5] = (byte) (stream >>> 24);
        frame[6] = (byte) (stream >>> 16);
        frame[7] = (byte) (stream >>> 8);
        frame[8] = (byte) stream;
        System.arraycopy(payload, 0, frame, 9, payload.length);
        return send(frame);
    }

    /**
     * A request's HEADERS with the given fields after the pseudo-headers: one frame, or HEADERS and CONTINUATION
     * frames of at most 16 KiB (the default SETTINGS_MAX_FRAME_SIZE), the last with END_HEADERS.
     */
    public RawH2 headers(int stream, String method, String path, Map<String, String> fields, boolean endStream) {
        Http2Headers headers = new DefaultHttp2Headers(false)
                .method(method)
                .path(path)
                .scheme("http")
                .authority(authority);
        fields.forEach(headers::add);
        ByteBuf block = Unpooled.buffer();
        try {
            encoder.encodeHeaders(stream, headers, block);
            int type = HEADERS;
            int flags = endStream ? END_STREAM : 0;
            do {
                byte[] piece = new byte[Math.min(block.readableBytes(), 16_384)];
                block.readBytes(piece);
                frame(type, flags | (block.isReadable() ? 0 : END_HEADERS), stream, piece);
                type = CONTINUATION;
                flags = 0;
            } while (block.isReadable());
            return this;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            block.release();
        }
    }

    public RawH2 reset(int stream, int errorCode) {
        return frame(RST_STREAM, 0, stream, int32(errorCode));
    }

    /**
     * The next frame; null once the server closed the connection. SETTINGS and PING get their ACK, as a client
     * must send them; the frames are still returned.
     */
    public Frame read() {
        try {
            int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int stream = in.readInt() & 0x7fffffff;
            byte[] payload = new byte[length];
            in.readFully(payload);
            Http2Headers headers = null;
            if (type == HEADERS) headers = decoder.decodeHeaders(stream, Unpooled.wrappedBuffer(payload));
            if (type == SETTINGS && (flags & 1) == 0) frame(SETTINGS, 1, 0, new byte[0]);
            if (type == PING && (flags & 1) == 0) frame(PING, 1, 0, payload);
            return new Frame(type, flags, stream, payload, headers);
        } catch (EOFException | java.net.SocketException e) {
            return null;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no frame within 20 s", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads until a frame of this type (returned) or the end of the connection (null). */
    public Frame readUntil(int type) {
        for (Frame f = read(); f != null; f = read()) {
            if (f.type() == type) return f;
        }
        return null;
    }

    /** Reads until the server closes the connection; returns the first GOAWAY frame seen on the way, or null. */
    public Frame readToClose() {
        Frame goAway = null;
        for (Frame f = read(); f != null; f = read()) {
            if (f.type() == GOAWAY) {
                if (goAway == null) goAway = f;
            }
        }
        return goAway;
    }

    public static byte[] int32(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
