/**
 * express4j: Express 5 for Java on Netty. Users see {@code io.express4j} (the API) and {@code io.express4j.spi}
 * (interfaces for plug-in authors: view engines, JSON mappers, rate-limit and session stores); everything
 * else is internal.
 */
module io.express4j {
    exports io.express4j;
    exports io.express4j.spi;
    // the in-process test client drives exchanges without a socket
    exports io.express4j.server to
            io.express4j.test;
    // Jackson instantiates JacksonJsonMapper's package-private UndefinedFilter by reflection
    opens io.express4j to
            tools.jackson.databind;

    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.codec.http2;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires tools.jackson.core;
    requires transitive tools.jackson.databind; // JacksonJsonMapper takes a configured Jackson JsonMapper
    requires org.slf4j;
    requires com.aayushatharva.brotli4j;
}
