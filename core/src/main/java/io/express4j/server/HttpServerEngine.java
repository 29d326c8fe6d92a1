package io.express4j.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP/1.1 server: Netty with native epoll where available (NIO elsewhere), request heads decoded on the event
 * loop, each request handed to a {@link RequestListener} on a virtual thread.
 */
public final class HttpServerEngine implements AutoCloseable {
    static {
        // Netty's buffer allocators report chunk allocations as JFR events; registering those event types sets up
        // JFR's metadata on the first buffer allocation, i.e. inside the first request, even when nothing records:
        // ≈ 0.1 s of CPU and ≈ 6 MiB. Off unless the user asks for them (-Dio.netty.jfr.enabled=true). Must run
        // before Netty's PlatformDependent is initialised, which reads the property once.
        if (System.getProperty("io.netty.jfr.enabled") == null) System.setProperty("io.netty.jfr.enabled", "false");
    }

    /** What ALPN offers, in order of preference. The HTTP/2 work puts {@code h2} first when it is enabled. */
    private static final List<String> APPLICATION_PROTOCOLS = List.of(ApplicationProtocolNames.HTTP_1_1);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    /** The local address of an in-process server; null for one on a socket. */
    private final LocalAddress inProcess;

    private final ServerConfig config;
    /** Null in clear text. */
    private final ServerTls tls;

    private final Set<ConnectionHandler> connections = ConcurrentHashMap.newKeySet();
    private final Set<WebSocketConnection> webSockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final ByteCounter bytes = new ByteCounter();
    private volatile boolean shuttingDown;
    private volatile long lastAccept;

    private HttpServerEngine(
            RequestListener listener,
            ServerConfig config,
            ServerTls tls,
            InetSocketAddress address,
            ChannelFactoryChoice choice)
            throws InterruptedException {
        this.config = config;
        this.tls = tls;
        this.inProcess = null;
        boss = new MultiThreadIoEventLoopGroup(1, choice.io());
        workers = new MultiThreadIoEventLoopGroup(choice.io());
        try {
            serverChannel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(choice.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    // as Node: a restarted server can bind while the old one's connections sit in TIME_WAIT
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(connectionInitializer(listener))
                    .bind(address)
                    .sync()
                    .channel();
        } catch (Exception e) {
            // a failed bind must not leave the event loop threads behind: they are not daemons, so the JVM would
            // keep running with nothing listening (Node exits on an unhandled EADDRINUSE)
            shutdownGroups();
            // Netty rethrows the bind's IOException (EADDRINUSE, EACCES) undeclared; name it as Node does
            if (e instanceof IOException bindFailure) {
                throw new UncheckedIOException(
                        "listen " + address.getHostString() + ":" + address.getPort() + ": " + bindFailure.getMessage(),
                        bindFailure);
            }
            throw e;
        }
    }

    /**
     * In process: a local channel on the shared {@link InProcessLoop}, which the threads waiting on it run; no port,
     * the same pipeline per connection.
     */
    private HttpServerEngine(RequestListener listener, ServerConfig config) throws InterruptedException {
        this.config = config;
        this.tls = null;
        this.inProcess = new LocalAddress(HttpServerEngine.class);
        boss = null;
        InProcessLoop loop = InProcessLoop.shared();
        workers = loop;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop)
                .channel(LocalServerChannel.class)
                .childHandler(connectionInitializer(listener));
        serverChannel = loop.runHere(() -> bootstrap.bind(inProcess)).sync().channel();
    }

    /**
     * The per-connection pipeline, the same on sockets and in process: the transport's timers, then TLS (whose
     * {@link AlpnSelector} adds the protocol once the handshake is done) or the HTTP/1.1 handlers at once.
     */
    private ChannelInitializer<Channel> connectionInitializer(RequestListener listener) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (!admit(ch)) return;
                ch.pipeline().addLast(bytes); // first: it counts what crosses the socket
                if (config.idleTimeoutMillis() > 0) {
                    // observeOutput: a response still draining to a slow reader is not idleness
                    ch.pipeline()
                            .addLast(new IdleStateHandler(
                                    true, 0, 0, config.idleTimeoutMillis(), TimeUnit.MILLISECONDS));
                }
                // below TLS, so that it counts the bytes the socket takes, as the outbound buffer holds them
                if (config.minResponseBytesPerSecond() > 0) ch.pipeline().addLast(new ResponseDataRate(config));
                if (tls != null) {
                    ch.pipeline()
                            .addLast(tls.newHandler(ch.alloc()), new AlpnSelector(HttpServerEngine.this, listener));
                } else {
                    http1Pipeline(ch, listener);
                }
            }
        };
    }

    /** HTTP/1.1: the codec and the connection handler, after TLS when there is TLS. */
    void http1Pipeline(Channel ch, RequestListener listener) {
        StrictRequestDecoder decoder = new StrictRequestDecoder(config, listener::knowsMethod);
        ch.pipeline().addLast(new NodeHttpCodec(decoder));
        // sendfile needs the bytes to go to a socket as they are; elsewhere (TLS encrypts them, the in-process
        // transport has no socket) files go out as chunks read in turn, as the channel takes them
        if (!(ch instanceof SocketChannel) || ch.pipeline().get(SslHandler.class) != null) {
            ch.pipeline().addLast(new ChunkedWriteHandler());
        }
        ch.pipeline().addLast(new ConnectionHandler(listener, config, HttpServerEngine.this, decoder));
    }

    /**
     * HTTP/2 after ALPN chose {@code h2}: the HTTP/2 work installs its frame codec here. Unreachable until then,
     * since {@link #APPLICATION_PROTOCOLS} offers only HTTP/1.1.
     */
    void http2Pipeline(Channel ch, RequestListener listener) {
        throw new IllegalStateException("h2 was negotiated but this server does not speak HTTP/2");
    }

    /** Native epoll where available, NIO elsewhere. */
    private record ChannelFactoryChoice(IoHandlerFactory io, Class<? extends ServerChannel> serverChannel) {
        static ChannelFactoryChoice best() {
            return Epoll.isAvailable()
                    ? new ChannelFactoryChoice(EpollIoHandler.newFactory(), EpollServerSocketChannel.class)
                    : new ChannelFactoryChoice(NioIoHandler.newFactory(), NioServerSocketChannel.class);
        }
    }

    /** Binds and starts serving; returns once the port is bound. Port 0 picks a free port. */
    public static HttpServerEngine start(RequestListener listener, ServerConfig config, InetSocketAddress address) {
        return start(listener, config, null, address);
    }

    /**
     * Binds and starts serving, over TLS when {@code tls} is not null; returns once the port is bound. The key and
     * certificate are read and checked first, so a wrong file or password fails here, naming it, before anything
     * is bound.
     */
    public static HttpServerEngine start(
            RequestListener listener, ServerConfig config, TlsConfig tls, InetSocketAddress address) {
        ServerTls serverTls = tls == null ? null : new ServerTls(tls, APPLICATION_PROTOCOLS);
        try {
            return new HttpServerEngine(listener, config, serverTls, address, ChannelFactoryChoice.best());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + address, e);
        }
    }

    /**
     * Starts serving in process: no port is opened; {@link #connect()} makes a connection whose bytes go through the
     * same pipeline as a socket's (decoder, limits, timeouts, keep-alive, pipelining), on an event loop shared by all
     * in-process servers and run by the threads that wait for their answers.
     */
    public static HttpServerEngine startInProcess(RequestListener listener, ServerConfig config) {
        try {
            return new HttpServerEngine(listener, config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting in process", e);
        }
    }

    /** A new connection to an in-process server. */
    public InProcessConnection connect() {
        if (inProcess == null) throw new IllegalStateException("not an in-process server");
        return InProcessConnection.open((InProcessLoop) workers, inProcess);
    }

    /**
     * Reads the certificate and key files again (a renewed certificate); new connections get it, open ones keep
     * theirs. On failure the server keeps its current certificate and this throws.
     */
    public void reloadTls() {
        requireTls().reload();
    }

    /** Switches to another certificate and key, as {@link #reloadTls()}. */
    public void replaceTls(TlsConfig next) {
        requireTls().replace(next);
    }

    /** {@code "JDK"} or {@code "OPENSSL"}: the TLS implementation; null in clear text. */
    public String tlsProvider() {
        return tls == null ? null : tls.provider();
    }

    private ServerTls requireTls() {
        if (tls == null) throw new IllegalStateException("this server does not use TLS");
        return tls;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Connections open now (Node's {@code server.getConnections()}). */
    public int connections() {
        return open.get();
    }

    /** Bytes read from all connections so far. */
    public long bytesRead() {
        return bytes.read();
    }

    /** Bytes queued for all connections so far. */
    public long bytesWritten() {
        return bytes.written();
    }

    /**
     * Counts an accepted connection against {@code maxConnections}; one too many is closed at once, before any byte
     * is read (Node's {@code server.maxConnections} drops it the same way), so excess load is refused, not queued.
     */
    private boolean admit(Channel ch) {
        int max = config.maxConnections();
        if (open.incrementAndGet() > max && max > 0) {
            open.decrementAndGet();
            ch.close();
            return false;
        }
        ch.closeFuture().addListener(f -> open.decrementAndGet());
        lastAccept = System.nanoTime();
        return true;
    }

    void connectionOpened(ConnectionHandler handler) {
        connections.add(handler);
        if (shuttingDown) handler.closeGracefully(); // accepted while close() was under way
    }

    void connectionClosed(ConnectionHandler handler) {
        connections.remove(handler);
    }

    /** A connection became a WebSocket: tracked until it closes, so that {@link #close} can say goodbye (1001). */
    void webSocketOpened(WebSocketConnection webSocket, Channel channel) {
        webSockets.add(webSocket);
        channel.closeFuture().addListener(f -> webSockets.remove(webSocket));
        if (shuttingDown) webSocket.close(1001, "");
    }

    /** {@link #close(Duration)} with the configured shutdown timeout. */
    @Override
    public void close() {
        close(Duration.ofMillis(config.shutdownTimeoutMillis()));
    }

    /**
     * Graceful shutdown: stops accepting; closes connections that hold no request; lets the others answer what they
     * hold (in-flight requests, pipelined ones already received, a head half received), the last response on each
     * saying {@code Connection: close}; then releases the event loops. Whatever is still open when the timeout
     * expires is closed. Returns when all is closed.
     */
    public void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        shuttingDown = true;
        connections.forEach(ConnectionHandler::closeGracefully);
        // WebSockets get a close frame (1001, going away) and until the timeout to answer it
        webSockets.forEach(webSocket -> webSocket.close(1001, ""));
        // Closing the listener resets the connections still in the kernel's accept queue, whose clients have
        // already sent their requests: accept until the queue has been quiet for a moment (half a second at most);
        // whatever arrives meanwhile is served with Connection: close.
        // In process there is no such queue.
        long acceptUntil = Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500));
        while (inProcess == null
                && System.nanoTime() - lastAccept < TimeUnit.MILLISECONDS.toNanos(50)
                && System.nanoTime() < acceptUntil) {
            sleep(10);
        }
        serverChannel.close().syncUninterruptibly();
        while ((!connections.isEmpty() || !webSockets.isEmpty()) && System.nanoTime() - deadline < 0 && sleep(10)) {
            // in-flight responses are finishing
        }
        // on sockets, shutting the event loops down closes what is left; in process the loop is shared and stays
        if (inProcess != null) {
            connections.forEach(ConnectionHandler::closeIdle);
            webSockets.forEach(WebSocketConnection::terminate);
        }
        shutdownGroups();
    }

    /** Sleeps; false when interrupted (the interrupt is kept). */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void shutdownGroups() {
        if (boss == null) return; // in process: the shared local event loops stay
        var bossDone = boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        bossDone.syncUninterruptibly();
    }
}
