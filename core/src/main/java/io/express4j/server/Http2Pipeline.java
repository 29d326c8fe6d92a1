package io.express4j.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.AsciiString;
import java.util.Collection;

/**
 * How a connection becomes HTTP/2: Netty's {@code Http2FrameCodec} (frames, HPACK, flow control, the limits) and
 * {@code Http2MultiplexHandler}, which gives each stream a channel of its own holding {@link Http2ResponseEncoder},
 * a {@link ChunkedWriteHandler} (files go out as chunks: there is no sendfile into a stream) and an
 * {@link Http2StreamHandler}. Three ways in, one pipeline: {@link #configure} for prior knowledge (and for ALPN's
 * {@code h2} over TLS), {@link #upgradeHandler} for HTTP/1.1's {@code Upgrade: h2c}.
 */
final class Http2Pipeline {
    /** Names of the HTTP/1.1 handlers, which a connection that turns to HTTP/2 drops. */
    static final String HTTP1_CODEC = "http1-codec";

    static final String H2C_UPGRADE = "h2c-upgrade";
    static final String HTTP1_CHUNKS = "http1-chunks";
    static final String HTTP1_CONNECTION = "http1-connection";

    private static final AsciiString H2C = AsciiString.cached("h2c");

    private final RequestListener listener;
    private final ServerConfig config;
    private final HttpServerEngine server;

    Http2Pipeline(RequestListener listener, ServerConfig config, HttpServerEngine server) {
        this.listener = listener;
        this.config = config;
        this.server = server;
    }

    /**
     * Makes {@code pipeline} serve HTTP/2 from the next byte on (the client's connection preface): drops the
     * HTTP/1.1 handlers if there are any and adds the HTTP/2 ones last. Called for a clear-text connection that
     * opened with the preface, and — the seam for TLS — when ALPN selected {@code h2}.
     */
    void configure(ChannelPipeline pipeline) {
        for (String name : new String[] {HTTP1_CODEC, H2C_UPGRADE, HTTP1_CHUNKS, HTTP1_CONNECTION}) {
            if (pipeline.get(name) != null) pipeline.remove(name);
        }
        pipeline.addLast(frameCodec(), streams(), new Http2ServerConnection(server, config.keepAliveTimeoutMillis()));
    }

    /**
     * For a clear-text HTTP/1.1 pipeline, between the codec and the connection handler: answers a request with
     * {@code Upgrade: h2c} (and no body) with 101 and serves that request as stream 1 over HTTP/2. Other requests
     * pass through untouched.
     */
    HttpServerUpgradeHandler upgradeHandler(HttpServerUpgradeHandler.SourceCodec http1) {
        return new HttpServerUpgradeHandler(
                http1, protocol -> H2C.contentEqualsIgnoreCase(protocol) ? upgrade() : null, 0) {
            @Override
            protected boolean shouldHandleUpgradeRequest(HttpRequest request) {
                // a body would have to be buffered whole before the switch: such a request is served over
                // HTTP/1.1, as RFC 9110 §7.8 lets a server ignore Upgrade
                HttpHeaders h = request.headers();
                return request.decoderResult().isSuccess()
                        && !h.contains(HttpHeaderNames.TRANSFER_ENCODING)
                        && h.get(HttpHeaderNames.CONTENT_LENGTH, "0").equals("0")
                        && h.get(HttpHeaderNames.UPGRADE, "").toLowerCase().contains("h2c");
            }
        };
    }

    private HttpServerUpgradeHandler.UpgradeCodec upgrade() {
        Http2ServerUpgradeCodec netty = new Http2ServerUpgradeCodec(
                frameCodec(), streams(), new Http2ServerConnection(server, config.keepAliveTimeoutMillis()));
        return new HttpServerUpgradeHandler.UpgradeCodec() {
            @Override
            public Collection<CharSequence> requiredUpgradeHeaders() {
                return netty.requiredUpgradeHeaders();
            }

            @Override
            public boolean prepareUpgradeResponse(
                    ChannelHandlerContext ctx, FullHttpRequest request, HttpHeaders headers) {
                return netty.prepareUpgradeResponse(ctx, request, headers);
            }

            @Override
            public void upgradeTo(ChannelHandlerContext ctx, FullHttpRequest request) {
                // the codec is gone already (SourceCodec); the upgrade handler removes itself afterwards
                ChannelPipeline pipeline = ctx.pipeline();
                if (pipeline.get(HTTP1_CHUNKS) != null) pipeline.remove(HTTP1_CHUNKS);
                pipeline.remove(HTTP1_CONNECTION);
                netty.upgradeTo(ctx, request);
            }
        };
    }

    private Http2FrameCodec frameCodec() {
        Http2Settings settings = Http2Settings.defaultSettings()
                .maxConcurrentStreams(config.http2MaxConcurrentStreams())
                .maxHeaderListSize(config.maxHeaderSize());
        return Http2FrameCodecBuilder.forServer()
                .initialSettings(settings)
                // server.close(): GOAWAY, then the streams in flight get the shutdown timeout to finish
                .gracefulShutdownTimeoutMillis(config.shutdownTimeoutMillis())
                // CVE-2023-44487 (rapid reset): more resets than this in the window is ENHANCE_YOUR_CALM and close
                .decoderEnforceMaxRstFramesPerWindow(config.http2MaxResetsPerWindow(), RESET_WINDOW_SECONDS)
                .build();
    }

    /** The window of {@link ServerConfig#http2MaxResetsPerWindow}. */
    static final int RESET_WINDOW_SECONDS = 30;

    private ChannelHandler streams() {
        return new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel stream) {
                stream.pipeline()
                        .addLast(
                                new Http2ResponseEncoder(),
                                new ChunkedWriteHandler(),
                                new Http2StreamHandler(listener, config));
            }
        });
    }
}
