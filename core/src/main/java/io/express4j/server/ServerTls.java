package io.express4j.server;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * The server's TLS context: TLS 1.3 and 1.2 only, Mozilla's "intermediate" cipher suites (AEAD with forward
 * secrecy), ALPN. Handshakes take the current context when they start, so {@link #reload} swaps the certificate for
 * new connections while open ones keep the context they began with.
 */
final class ServerTls {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * Mozilla's intermediate configuration (version 5.7) without its DHE suites (finite-field Diffie-Hellman costs
     * far more than ECDHE for no client that lacks ECDHE): TLS 1.3's three, then TLS 1.2's ECDHE with AES-GCM or
     * ChaCha20-Poly1305. Suites a provider lacks are left out.
     */
    static final List<String> CIPHERS = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private final List<String> applicationProtocols;
    private volatile TlsConfig config;
    private volatile SslContext context;
    private volatile SslProvider provider;

    /** Reads the key material and builds the context; fails (naming the file) before anything is bound. */
    ServerTls(TlsConfig config, List<String> applicationProtocols) {
        this.applicationProtocols = List.copyOf(applicationProtocols);
        install(config);
    }

    /** A handler for a new connection, with the current certificate. */
    SslHandler newHandler(ByteBufAllocator alloc) {
        SslHandler handler = context.newHandler(alloc);
        handler.setHandshakeTimeoutMillis(config.handshakeTimeoutMillis());
        return handler;
    }

    /** Reads the configured files again (a renewed certificate); on failure the old context stays. */
    synchronized void reload() {
        install(config);
    }

    /** Switches to other files; on failure the old context stays. */
    synchronized void replace(TlsConfig next) {
        install(next);
    }

    /** {@code "JDK"} or {@code "OPENSSL"}: the implementation in use. */
    String provider() {
        return provider.name();
    }

    private void install(TlsConfig next) {
        TlsKeyMaterial material = TlsKeyMaterial.load(next);
        SslProvider chosen = provider(next.provider());
        try {
            SslContext built = SslContextBuilder.forServer(material.key(), material.chain())
                    .sslProvider(chosen)
                    .protocols(PROTOCOLS)
                    .ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(
                            ApplicationProtocolConfig.Protocol.ALPN,
                            // a client offering none of ours gets no ALPN answer and talks HTTP/1.1 (the fallback)
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            applicationProtocols))
                    .build();
            config = next;
            provider = chosen;
            context = built;
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("TLS: cannot build the server's TLS context: " + e.getMessage(), e);
        }
    }

    /** OpenSSL (netty-tcnative) when asked or, by default, when it is on the class path and loads; else the JDK. */
    static SslProvider provider(TlsConfig.Provider wanted) {
        return switch (wanted) {
            case JDK -> SslProvider.JDK;
            case OPENSSL -> {
                if (!OpenSsl.isAvailable()) {
                    throw new IllegalArgumentException(
                            "TLS: the OpenSSL provider is not available (add io.netty:netty-tcnative-boringssl-static): "
                                    + OpenSsl.unavailabilityCause());
                }
                yield SslProvider.OPENSSL;
            }
            case AUTO -> SslProvider.isAlpnSupported(SslProvider.OPENSSL) ? SslProvider.OPENSSL : SslProvider.JDK;
        };
    }
}
