package io.express4j.server;

import io.express4j.log.Logs;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import java.io.IOException;
import org.slf4j.Logger;

/**
 * After the TLS handshake: installs the protocol the client and server agreed on by ALPN — HTTP/1.1 (also for a
 * client that offered no ALPN) or HTTP/2 — behind the {@code SslHandler}.
 */
final class AlpnSelector extends ApplicationProtocolNegotiationHandler {
    private static final Logger log = Logs.get(AlpnSelector.class);
    private final HttpServerEngine engine;
    private final RequestListener listener;

    AlpnSelector(HttpServerEngine engine, RequestListener listener) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.engine = engine;
        this.listener = listener;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        switch (protocol) {
            case ApplicationProtocolNames.HTTP_1_1 -> engine.http1Pipeline(ctx.channel(), listener);
            case ApplicationProtocolNames.HTTP_2 -> engine.http2Pipeline(ctx.channel(), listener);
            default -> throw new IllegalStateException("ALPN chose a protocol never offered: " + protocol);
        }
    }

    /**
     * A failed handshake (a plain-HTTP request, a garbage or outdated ClientHello, a client that distrusts the
     * certificate, the handshake timeout) closes the connection, as Node's TLS server does. Logged at debug only:
     * anyone can cause it, so it says nothing about the server.
     */
    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("TLS handshake failed with {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /** A connection reset during the handshake is the client's business, not a warning. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (cause instanceof IOException) {
            log.debug("connection lost during the TLS handshake: {}", cause.toString());
            ctx.close();
            return;
        }
        super.exceptionCaught(ctx, cause);
    }
}
