package io.express4j.server;

import io.express4j.http.WebSocketHandshake;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ByteProcessor;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.function.Predicate;

/**
 * Netty's request decoder with Netty's own strict settings on, plus {@link RequestHeadScanner} over the raw bytes
 * of each head before Netty parses it and {@link RequestHeadRules} over the parsed head. A refused request comes
 * out as an {@link HttpRequest} whose decoder result is a failure (as Netty reports its own parse errors), and
 * everything after it on the connection is dropped unread: once framing is in doubt, no byte may become a request.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {
    private final RequestHeadScanner scanner;
    private final Predicate<String> knownMethod;
    private final ByteProcessor scan;
    /** Stream offsets: bytes Netty has consumed, and bytes the scanner has checked. */
    private long consumed;

    private long scanned;
    /** Between the end of a message and the end of the next head; false while a body is being decoded. */
    private boolean inHead = true;

    private boolean discarding;
    private volatile boolean headStarted;
    /** The request being decoded asks for a WebSocket upgrade. */
    private boolean upgradeAsked;
    /**
     * After a WebSocket upgrade request, the bytes behind it stay undecoded until the server knows whether they are
     * WebSocket frames (the route took the upgrade: they go to the frame decoder) or HTTP ({@link #resume}).
     */
    private boolean held;

    StrictRequestDecoder(ServerConfig config, Predicate<String> knownMethod) {
        // The scanner enforces the limits; Netty's, 2 bytes wider, are a backstop. Netty counts a trailing CR whose
        // LF has not arrived yet, so with equal limits a line of exactly the maximum would pass or fail depending
        // on how the bytes were split into reads (found by RequestDecoderFuzzTest).
        super(new HttpDecoderConfig()
                .setMaxInitialLineLength(config.maxRequestLineLength() + 2)
                .setMaxHeaderSize(config.maxHeaderSize() + 2)
                .setMaxChunkSize(64 * 1024)
                // Netty's defaults, set here so that a system property cannot loosen them.
                .setStrictLineParsing(true)
                .setUseRfc9112TransferEncoding(true)
                .setAllowDuplicateContentLengths(false)
                .setValidateHeaders(true));
        this.scanner =
                new RequestHeadScanner(config.maxRequestLineLength(), config.maxHeaderSize(), config.maxHeaderCount());
        this.knownMethod = knownMethod;
        this.scan = scanner::accept;
    }

    /**
     * Any thread: whether bytes of a request head (beyond blank lines) have arrived and the head is not complete —
     * the connection is then not idle.
     */
    boolean headStarted() {
        return headStarted;
    }

    /** Whether bytes behind an upgrade request are held back (the connection should not read more meanwhile). */
    boolean held() {
        return held;
    }

    /** The upgrade request was answered as HTTP: what follows it is HTTP again. Returns whether bytes were held. */
    boolean resume() {
        boolean was = held;
        held = false;
        return was;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (discarding) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (held) return;
        if (inHead && !scanner.done()) {
            int from = in.readerIndex() + (int) (scanned - consumed);
            int length = in.writerIndex() - from;
            if (length > 0) {
                try {
                    int stop = in.forEachByte(from, length, scan);
                    scanned += stop < 0 ? length : stop - from + 1;
                } catch (RequestRejection rejection) {
                    reject(in, out, out.size(), null, rejection);
                    return;
                }
                headStarted = scanner.started() && !scanner.done();
            }
        }
        int first = out.size();
        int before = in.readerIndex();
        super.decode(ctx, in, out);
        consumed += in.readerIndex() - before;
        for (int i = first; i < out.size(); i++) {
            Object msg = out.get(i);
            if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
                inHead = false;
                headStarted = false;
                upgradeAsked = WebSocketHandshake.isUpgrade(
                        request.method().name(),
                        request.headers().get(HttpHeaderNames.CONNECTION),
                        request.headers().get(HttpHeaderNames.UPGRADE));
                try {
                    RequestHeadRules.check(request, knownMethod);
                } catch (RequestRejection rejection) {
                    reject(in, out, i, request, rejection);
                    return;
                }
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                RequestRejection unsupported = RequestHeadRules.unsupportedCoding(request);
                if (unsupported != null) request.setDecoderResult(DecoderResult.failure(unsupported));
            }
            if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
                discarding = true; // Netty skips the rest of the input too
                headStarted = false;
            } else if (msg instanceof LastHttpContent) {
                inHead = true;
                scanner.reset();
                scanned = consumed;
                held = upgradeAsked;
                upgradeAsked = false;
            }
        }
    }

    /**
     * At end of input Netty reports a half-received head or body; once a request has been refused there is nothing
     * left to report.
     */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (discarding) {
            in.skipBytes(in.readableBytes());
            return;
        }
        super.decodeLast(ctx, in, out);
    }

    /** Replaces what was decoded from index {@code at} on with one failed request, and drops all further input. */
    private void reject(ByteBuf in, List<Object> out, int at, HttpRequest request, RequestRejection rejection) {
        for (int i = out.size() - 1; i >= at; i--) {
            Object dropped = out.remove(i);
            if (dropped != request) ReferenceCountUtil.release(dropped);
        }
        HttpRequest failed = request != null
                ? request
                : new DefaultFullHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET, "/bad-request", Unpooled.buffer(0));
        failed.setDecoderResult(DecoderResult.failure(rejection));
        out.add(failed);
        in.skipBytes(in.readableBytes());
        discarding = true;
        headStarted = false;
    }
}
