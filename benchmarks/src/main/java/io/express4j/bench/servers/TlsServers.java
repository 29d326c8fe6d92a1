package io.express4j.bench.servers;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Server;
import io.express4j.ServerOptions;
import io.express4j.TlsOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * The HTTPS servers of {@code benchmarks/tls.sh}: {@code express4j PORT PROVIDER P12} serves {@code /plaintext}
 * and {@code /static/1mib.bin} over TLS with {@code TlsOptions.pkcs12(…).provider(PROVIDER)};
 * {@code netty PORT PROVIDER P12} is {@link RawNettyHandler} behind an {@code SslHandler} of the same provider and
 * TLS versions (TLS 1.3 and 1.2; Netty's default suites, AEAD), for {@code /plaintext}. The
 * PKCS#12 password is {@code changeit}.
 */
public final class TlsServers {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private TlsServers() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        TlsOptions.Provider provider = TlsOptions.Provider.valueOf(args[2]);
        Path p12 = Path.of(args[3]);
        switch (args[0]) {
            case "express4j" -> express4j(port, provider, p12);
            case "netty" -> netty(port, provider, p12);
            default -> throw new IllegalArgumentException("express4j or netty: " + args[0]);
        }
    }

    static void express4j(int port, TlsOptions.Provider provider, Path p12) {
        App app = Express.app();
        app.get("/plaintext", (req, res) -> res.send(BenchPayloads.HELLO));
        app.use("/static", Express.staticFiles(BenchPayloads.staticDir().toString()));
        Server server = app.listen(
                port, new ServerOptions().tls(TlsOptions.pkcs12(p12, PASSWORD).provider(provider)));
        System.out.println("express4j https (" + server.tlsProvider() + ") listening on " + server.port());
    }

    static void netty(int port, TlsOptions.Provider provider, Path p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD);
        }
        String alias = store.aliases().nextElement();
        X509Certificate[] chain = Arrays.stream(store.getCertificateChain(alias))
                .map(X509Certificate.class::cast)
                .toArray(X509Certificate[]::new);
        SslContext tls = SslContextBuilder.forServer((PrivateKey) store.getKey(alias, PASSWORD), chain)
                .sslProvider(provider == TlsOptions.Provider.OPENSSL ? SslProvider.OPENSSL : SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
        boolean epoll = Epoll.isAvailable();
        // as many event loop threads as express4j's server has (Netty's default, 2 per CPU): on a CPU shared with other
        // processes each runnable thread gets its share, so a one-thread server would be measured at a handicap
        EventLoopGroup loop =
                new MultiThreadIoEventLoopGroup(epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        RawNettyHandler.StaticDir files = new RawNettyHandler.StaticDir(BenchPayloads.staticDir());
        Channel server = new ServerBootstrap()
                .group(loop)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(tls.newHandler(ch.alloc()), new HttpServerCodec(), new RawNettyHandler(files));
                    }
                })
                .bind(port)
                .sync()
                .channel();
        System.out.println("raw netty https (" + provider + ") listening on " + server.localAddress());
        server.closeFuture().sync();
    }
}
