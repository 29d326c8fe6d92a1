package io.express4j.server;

import java.nio.file.Path;

/**
 * Where the server's certificate and key come from, and how TLS runs (public face: {@code io.express4j.TlsOptions},
 * which documents each choice). Either {@code certChain} and {@code privateKey} (PEM) or {@code pkcs12} is set.
 *
 * @param certChain              PEM file: the server's certificate first, then the intermediates
 * @param privateKey             PEM file: the PKCS#8 private key, plain or encrypted
 * @param pkcs12                 a PKCS#12 key store holding one private key entry with its chain
 * @param password               the encrypted key's or the key store's password; null for a plain PEM key
 * @param provider               which TLS implementation runs the handshakes and the encryption
 * @param handshakeTimeoutMillis a handshake not complete by then closes the connection
 */
public record TlsConfig(
        Path certChain, Path privateKey, Path pkcs12, char[] password, Provider provider, long handshakeTimeoutMillis) {

    /** The TLS implementation: the JDK's, OpenSSL's (BoringSSL from netty-tcnative), or OpenSSL when available. */
    public enum Provider {
        AUTO,
        JDK,
        OPENSSL
    }

    public TlsConfig {
        if ((certChain == null || privateKey == null) == (pkcs12 == null)) {
            throw new IllegalArgumentException("either a PEM certificate chain and key or a PKCS#12 file");
        }
        if (provider == null) throw new IllegalArgumentException("provider must not be null");
        if (handshakeTimeoutMillis <= 0) throw new IllegalArgumentException("the handshake timeout must be positive");
        password = password == null ? null : password.clone();
    }

    @Override
    public char[] password() {
        return password == null ? null : password.clone();
    }
}
