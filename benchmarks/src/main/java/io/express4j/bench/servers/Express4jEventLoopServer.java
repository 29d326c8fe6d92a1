package io.express4j.bench.servers;

/**
 * express4j with its hot routes ({@code /plaintext}, {@code /json}) marked {@code Express.nonBlocking}: they are
 * answered on the Netty event loop, without the hop to a virtual thread. Otherwise the same app as
 * {@link Express4jServer}.
 */
public final class Express4jEventLoopServer {
    private Express4jEventLoopServer() {}

    public static void main(String[] args) {
        Express4jServer.start(BenchPayloads.port(args, 8086), true);
    }
}
