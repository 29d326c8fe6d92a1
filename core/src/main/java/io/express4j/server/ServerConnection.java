package io.express4j.server;

/** A connection as the server's shutdown sees it, whatever its protocol. Any thread. */
interface ServerConnection {
    /** Finish what the connection holds (in-flight requests), then close; new requests are refused. */
    void closeGracefully();

    /** Close now. */
    void closeIdle();
}
