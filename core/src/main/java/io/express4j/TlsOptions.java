package io.express4j;

import io.express4j.server.TlsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The certificate and key of an HTTPS server, for {@link ServerOptions#tls}: Node's {@code https.createServer({cert,
 * key})} or {@code {pfx, passphrase}}. The files are read and checked when the server starts (a missing file, a
 * wrong password or a key that does not belong to the certificate fails {@code listen} with a message naming the
 * file) and again on {@link Server#reloadTls()}.
 *
 * <p>The server speaks TLS 1.3 and 1.2 only, with Mozilla's "intermediate" cipher suites (ECDHE with AES-GCM or
 * ChaCha20-Poly1305), and offers {@code http/1.1} by ALPN. The TLS implementation is OpenSSL (BoringSSL from
 * {@code io.netty:netty-tcnative-boringssl-static}) when that is on the class path, else the JDK's; see
 * {@link #provider}.
 */
public final class TlsOptions {
    /** Which TLS implementation runs the handshakes and the encryption. */
    public enum Provider {
        /** OpenSSL when netty-tcnative is on the class path and loads, else the JDK (the default). */
        AUTO,
        /** The JDK's own ({@code javax.net.ssl}). */
        JDK,
        /** OpenSSL (BoringSSL) from netty-tcnative; {@code listen} fails when it is not on the class path. */
        OPENSSL
    }

    private final Path certChain;
    private final Path privateKey;
    private final Path pkcs12;
    private final char[] password;
    private Provider provider = Provider.AUTO;
    private Duration handshakeTimeout = Duration.ofSeconds(10);

    private TlsOptions(Path certChain, Path privateKey, Path pkcs12, char[] password) {
        this.certChain = certChain;
        this.privateKey = privateKey;
        this.pkcs12 = pkcs12;
        this.password = password == null ? null : password.clone();
    }

    /**
     * PEM files: {@code certChain} holds the server's certificate followed by its intermediates (as
     * {@code fullchain.pem} from Let's Encrypt), {@code privateKey} an unencrypted PKCS#8 key
     * ({@code -----BEGIN PRIVATE KEY-----}; convert an older {@code BEGIN RSA PRIVATE KEY} file with
     * {@code openssl pkcs8 -topk8 -nocrypt}).
     */
    public static TlsOptions pem(Path certChain, Path privateKey) {
        return new TlsOptions(
                Objects.requireNonNull(certChain, "certChain"),
                Objects.requireNonNull(privateKey, "privateKey"),
                null,
                null);
    }

    /** As {@link #pem(Path, Path)}, with a key encrypted under a password ({@code BEGIN ENCRYPTED PRIVATE KEY}). */
    public static TlsOptions pem(Path certChain, Path privateKey, char[] keyPassword) {
        return new TlsOptions(
                Objects.requireNonNull(certChain, "certChain"),
                Objects.requireNonNull(privateKey, "privateKey"),
                null,
                Objects.requireNonNull(keyPassword, "keyPassword"));
    }

    /**
     * A PKCS#12 key store ({@code .p12}, {@code .pfx}) holding one private key with its certificate chain, and its
     * password (used for the key too, as keytool and openssl write them).
     */
    public static TlsOptions pkcs12(Path file, char[] password) {
        return new TlsOptions(null, null, Objects.requireNonNull(file, "file"), password);
    }

    /** The TLS implementation: {@link Provider#AUTO} (the default), {@code JDK} or {@code OPENSSL}. */
    public TlsOptions provider(Provider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
        return this;
    }

    /**
     * A client that has not completed its handshake this long after connecting is disconnected (Node's
     * {@code handshakeTimeout}; default 10 s, Node's is 120 s).
     */
    public TlsOptions handshakeTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive: " + timeout);
        }
        this.handshakeTimeout = timeout;
        return this;
    }

    TlsConfig toConfig() {
        return new TlsConfig(
                certChain,
                privateKey,
                pkcs12,
                password,
                TlsConfig.Provider.valueOf(provider.name()),
                handshakeTimeout.toMillis());
    }
}
