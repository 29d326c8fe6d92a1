package io.express4j.server;

import io.express4j.log.Logs;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/**
 * The last handler of an upgraded connection, after Netty's frame decoder (masking, lengths, control frame rules,
 * close codes), {@code Utf8FrameValidator} (1007) and {@code WebSocketFrameAggregator} (whole messages): it answers
 * pings with pongs (RFC 6455 §5.5.2), runs the peer's side of the close handshake, has the connection closed with
 * the RFC's code on a protocol violation (1002, 1007, 1009) and with 1001 when idle, and hands messages to the
 * {@link WebSocketConnection}.
 */
final class WebSocketFrameHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = Logs.get(WebSocketFrameHandler.class);

    private final WebSocketConnection connection;

    WebSocketFrameHandler(WebSocketConnection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            switch (msg) {
                case TextWebSocketFrame text -> {
                    ByteBuf content = text.content();
                    connection.text(content.toString(StandardCharsets.UTF_8), content.readableBytes());
                }
                case BinaryWebSocketFrame binary -> connection.binary(ByteBufUtil.getBytes(binary.content()));
                case PingWebSocketFrame ping -> {
                    if (!connection.closeSent()) {
                        ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                    }
                }
                case PongWebSocketFrame pong -> connection.pong(ByteBufUtil.getBytes(pong.content()));
                case CloseWebSocketFrame close -> closeFrame(ctx, close);
                default -> {}
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /**
     * Netty's decoder has refused codes the RFC reserves, but reads the code as a signed short and lets codes of
     * 5000 and above through; ws refuses those as a protocol error (1002), so do we.
     */
    private void closeFrame(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        ByteBuf content = close.content();
        int code = content.readableBytes() >= 2 ? content.getUnsignedShort(content.readerIndex()) : -1;
        if (code >= 5000) {
            connection.violation(1002, "Invalid close code " + code);
            return;
        }
        connection.peerClosed(code, code < 0 ? "" : close.reasonText());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            connection.close(1001, "idle timeout");
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    /**
     * The decoder and the UTF-8 validator refuse a frame by throwing (they are told not to close themselves), the
     * aggregator a message over the limit: the connection closes with the RFC's code once the messages decoded
     * before the bad frame have reached the handler (and been echoed, say), as Autobahn's strict cases expect.
     * Netty's decoder then drops every later byte.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            connection.violation(1009, "Max message size exceeded");
        } else if (cause instanceof CorruptedWebSocketFrameException bad) {
            log.debug("bad WebSocket frame: {}", bad.getMessage());
            connection.violation(bad.closeStatus().code(), bad.getMessage());
        } else {
            if (!(cause instanceof IOException)) log.debug("WebSocket connection error", cause);
            ctx.close();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        connection.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.channelClosed();
        ctx.fireChannelInactive();
    }
}
