package io.express4j.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Benchmark support (in core's test-jar, which the benchmarks module depends on, to reach package-private constructors):
 * an {@link HttpExchange} for a decoded request head on a given channel, without a socket, so that JMH can drive
 * the real dispatch and {@code res.send} path. Keep it this small: it is the one place that breaks when the
 * server package's internals change.
 */
public final class BenchExchanges {
    private static final ServerConfig CONFIG = ServerConfig.defaults();

    private BenchExchanges() {}

    /** The server's response encoder (it writes express4j's heads; Netty's plain encoder also takes raw ones). */
    public static ChannelHandler responseEncoder() {
        return NodeHttpCodec.responseEncoder();
    }

    /** An exchange whose response goes to {@code channel}; the response's completion is never reported. */
    public static HttpExchange exchange(HttpRequest request, Channel channel) {
        ConnectionHandler connection =
                new ConnectionHandler(exchange -> {}, CONFIG, null, new StrictRequestDecoder(CONFIG, method -> true));
        return new HttpExchange(request, channel, connection, null, false);
    }
}
