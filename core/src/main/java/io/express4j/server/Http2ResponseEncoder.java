package io.express4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2Frame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.util.Locale;
import java.util.Set;

/**
 * The HTTP/2 side of {@link HttpExchange}'s writes, in a stream's channel: the same messages {@link NodeHttpCodec}
 * encodes as HTTP/1.1 (a head carrying the response's header lines, body bytes, the end) become a HEADERS frame and
 * DATA frames. Header names go out in lower case, as HTTP/2 requires, and connection-specific headers, which HTTP/2
 * forbids (RFC 9113 §8.2.2), are left out. The body of a HEAD request or a 204/304 is dropped, as over HTTP/1.1.
 */
final class Http2ResponseEncoder extends ChannelOutboundHandlerAdapter {
    private static final Set<String> CONNECTION_SPECIFIC =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade");

    /** The head written so far says no body may follow: body bytes are dropped until the end. */
    private boolean bodyless;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof Http2Frame) {
            ctx.write(msg, promise); // the stream handler's own frames (a bare status, a reset)
        } else if (msg instanceof HttpResponse response) {
            writeHead(ctx, response, promise);
        } else if (msg instanceof LastHttpContent last) {
            writeData(ctx, last.content(), true, promise);
        } else if (msg instanceof HttpContent content) {
            writeData(ctx, content.content(), false, promise);
        } else if (msg instanceof ByteBufHolder holder) { // NodeHttpCodec.FramedBody: never chunk-framed here
            writeData(ctx, holder.content(), false, promise);
        } else if (msg instanceof ByteBuf buf) { // a file's chunks, from ChunkedWriteHandler
            writeData(ctx, buf, false, promise);
        } else {
            ReferenceCountUtil.release(msg);
            promise.setFailure(new IllegalArgumentException("not an HTTP/2 response part: " + msg.getClass()));
        }
    }

    private void writeHead(ChannelHandlerContext ctx, HttpResponse response, ChannelPromise promise) {
        int status = response.status().code();
        Http2Headers headers = headers(response);
        boolean informational = status >= 100 && status < 200;
        if (!informational) bodyless = response instanceof NodeHttpCodec.Framed framed && framed.bodyless();
        if (!(response instanceof FullHttpResponse full)) {
            ctx.write(new DefaultHttp2HeadersFrame(headers, false), promise);
            return;
        }
        ByteBuf content = full.content();
        if (informational || bodyless || !content.isReadable()) {
            content.release();
            ctx.write(new DefaultHttp2HeadersFrame(headers, !informational), promise);
            return;
        }
        ctx.write(new DefaultHttp2HeadersFrame(headers, false), ctx.voidPromise());
        ctx.write(new DefaultHttp2DataFrame(content, true), promise);
    }

    private void writeData(ChannelHandlerContext ctx, ByteBuf content, boolean end, ChannelPromise promise) {
        if (bodyless && content.isReadable()) {
            content.release();
            if (!end) {
                promise.setSuccess();
                return;
            }
            ctx.write(new DefaultHttp2DataFrame(true), promise);
            return;
        }
        if (!end && !content.isReadable()) {
            content.release();
            promise.setSuccess();
            return;
        }
        ctx.write(new DefaultHttp2DataFrame(content, end), promise);
    }

    /** {@code :status} and the header lines, lower-cased, without the connection-specific ones. */
    private static Http2Headers headers(HttpResponse response) {
        Http2Headers out = new DefaultHttp2Headers(false);
        out.status(response.status().codeAsText());
        if (response instanceof NodeHttpCodec.Framed framed) {
            framed.lines().forEachLine(out, Http2ResponseEncoder::add);
        } else {
            response.headers().forEach(line -> add(out, line.getKey(), line.getValue()));
        }
        return out;
    }

    private static void add(Http2Headers out, String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (CONNECTION_SPECIFIC.contains(lower)) return;
        // Latin-1 bytes, '?' above U+00FF: what the HTTP/1.1 encoder writes for the same string; without the
        // leading and trailing spaces a field value may not have in HTTP/2 (RFC 9113 §8.2.1), which HTTP/1.1
        // parsers drop as optional whitespace anyway
        out.add(new AsciiString(lower), new AsciiString(trimSpaces(value)));
    }

    private static String trimSpaces(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) start++;
        while (end > start && isSpace(value.charAt(end - 1))) end--;
        return start == 0 && end == value.length() ? value : value.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
