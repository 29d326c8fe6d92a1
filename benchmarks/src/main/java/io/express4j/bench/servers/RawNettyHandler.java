package io.express4j.bench.servers;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw Netty handler: what a Netty user writes by hand for the same four endpoints. It does the same work as
 * the frameworks where the work is the point (a Jackson serialisation per JSON response, a Date header, an ETag
 * and a single-range answer for the file) and nothing else.
 */
final class RawNettyHandler extends ChannelInboundHandlerAdapter {
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=utf-8");
    private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json; charset=utf-8");
    private static final AsciiString OCTET_STREAM = AsciiString.cached("application/octet-stream");

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Where the static file lives; its validators are read per request, as a file server must. */
    record StaticDir(Path dir) {}

    private final StaticDir files;

    RawNettyHandler(StaticDir files) {
        this.files = files;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest req) serve(ctx, req);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void serve(ChannelHandlerContext ctx, HttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        String uri = req.uri();
        if (uri.equals("/plaintext")) {
            full(ctx, keepAlive, TEXT_PLAIN, BenchPayloads.HELLO_BYTES);
        } else if (uri.equals("/json")) {
            full(
                    ctx,
                    keepAlive,
                    APPLICATION_JSON,
                    Json.MAPPER.writeValueAsBytes(Map.of(BenchPayloads.MESSAGE_KEY, BenchPayloads.HELLO)));
        } else if (uri.equals("/stream")) {
            stream(ctx, keepAlive);
        } else if (uri.equals("/static/" + BenchPayloads.STATIC_FILE)) {
            file(ctx, req, keepAlive, files.dir().resolve(BenchPayloads.STATIC_FILE));
        } else {
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
            res.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            end(ctx.write(res), keepAlive);
        }
    }

    private static void full(ChannelHandlerContext ctx, boolean keepAlive, AsciiString type, byte[] body) {
        FullHttpResponse res =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
        HttpHeaders h = res.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, type);
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        h.set(HttpHeaderNames.DATE, CachedDate.now());
        end(ctx.write(res), keepAlive);
    }

    /**
     * 1,000 writes of 1 KiB, flushed once at the end: on the event loop nothing can go out between two writes
     * anyway, so this is what Netty code does, and Netty then sends the chunks in a few large writev calls. (A flush
     * per write makes one 1 KiB packet per write with TCP_NODELAY and caps the stream at ~95 MiB/s on loopback.)
     */
    private static void stream(ChannelHandlerContext ctx, boolean keepAlive) {
        HttpResponse res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        res.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, OCTET_STREAM)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set(HttpHeaderNames.DATE, CachedDate.now());
        ctx.write(res);
        for (int i = 0; i < BenchPayloads.STREAM_WRITES; i++) {
            ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(BenchPayloads.KIB)));
        }
        end(ctx.write(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
    }

    /** Zero-copy file answer with ETag, Last-Modified, If-None-Match → 304 and one {@code bytes=a-b} range. */
    private static void file(ChannelHandlerContext ctx, HttpRequest req, boolean keepAlive, Path path) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            full404(ctx, keepAlive);
            return;
        }
        long size = attrs.size();
        long mtime = attrs.lastModifiedTime().toMillis();
        String etag = "W/\"" + Long.toHexString(size) + "-" + Long.toHexString(mtime) + "\"";
        HttpResponse res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpHeaders h = res.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, OCTET_STREAM)
                .set(HttpHeaderNames.ACCEPT_RANGES, "bytes")
                .set(HttpHeaderNames.ETAG, etag)
                .set(
                        HttpHeaderNames.LAST_MODIFIED,
                        HTTP_DATE.format(attrs.lastModifiedTime().toInstant()))
                .set(HttpHeaderNames.DATE, CachedDate.now());
        if (etag.equals(req.headers().get(HttpHeaderNames.IF_NONE_MATCH))) {
            res.setStatus(HttpResponseStatus.NOT_MODIFIED);
            ctx.write(res);
            end(ctx.write(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
            return;
        }
        long start = 0;
        long end = size - 1;
        String range = req.headers().get(HttpHeaderNames.RANGE);
        if (range != null && range.startsWith("bytes=") && range.indexOf(',') < 0) {
            int dash = range.indexOf('-');
            try {
                String a = range.substring(6, dash).trim();
                String b = range.substring(dash + 1).trim();
                if (a.isEmpty()) start = Math.max(0, size - Long.parseLong(b));
                else {
                    start = Long.parseLong(a);
                    if (!b.isEmpty()) end = Math.min(end, Long.parseLong(b));
                }
                if (start > end) throw new IllegalArgumentException("unsatisfiable: the whole file instead");
                res.setStatus(HttpResponseStatus.PARTIAL_CONTENT);
                h.set(HttpHeaderNames.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
            } catch (RuntimeException malformed) {
                start = 0;
                end = size - 1;
            }
        }
        h.set(HttpHeaderNames.CONTENT_LENGTH, end - start + 1);
        RandomAccessFile raf;
        try {
            raf = new RandomAccessFile(path.toFile(), "r");
        } catch (IOException e) {
            full404(ctx, keepAlive);
            return;
        }
        ctx.write(res);
        ctx.write(new DefaultFileRegion(raf.getChannel(), start, end - start + 1));
        end(ctx.write(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
    }

    private static void full404(ChannelHandlerContext ctx, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        end(ctx.write(res), keepAlive);
    }

    private static void end(ChannelFuture last, boolean keepAlive) {
        if (!keepAlive) last.addListener(ChannelFutureListener.CLOSE);
    }

    /** Built on the first {@code /json} (class-holder idiom), as express4j's is: startups compare fairly. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    /** The Date header, formatted once per second as every server here does. */
    static final class CachedDate {
        private static long second = -1;
        private static String value;

        private CachedDate() {}

        static String now() { // event loop only
            long s = System.currentTimeMillis() / 1000;
            if (s != second) {
                second = s;
                value = HTTP_DATE.format(Instant.ofEpochSecond(s));
            }
            return value;
        }
    }
}
