package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.ChildJvm;
import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestCertificates;
import io.express4j.support.TestServer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the certificate and key: PEM (plain and encrypted PKCS#8) and PKCS#12; what fails at {@code listen}, with
 * which message; reloading a renewed certificate without a restart.
 */
class TlsOptionsTest {
    static final TestCertificates certs = TestCertificates.get();
    static final TestCertificates.Identity first = certs.first;

    @TempDir
    Path dir;

    static App app() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("Hello World"));
        return app;
    }

    /** Serves over TLS with these options, checks one request and the certificate the client saw. */
    static void servesWith(TlsOptions tls) {
        try (TestServer server = TestServer.serveTls(app(), new ServerOptions().tls(tls))) {
            RawResponse r = server.get("/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("Hello World");
            assertThat(HttpsServerTest.certificateOf(server.port())).isEqualTo(first.certificate());
        }
    }

    static void failsToListen(TlsOptions tls, Class<? extends Exception> type, String message) {
        App app = app();
        assertThatThrownBy(() ->
                        app.listen(0, "127.0.0.1", new ServerOptions().tls(tls)).close())
                .isInstanceOf(type)
                .hasMessage(message);
    }

    @Nested
    @DisplayName("loading")
    class Loading {
        @Test
        @DisplayName("PEM chain and PKCS#8 key")
        void pem() {
            servesWith(TlsOptions.pem(first.chainPem(), first.keyPem()));
        }

        @Test
        @DisplayName("PEM chain and an encrypted PKCS#8 key (PBES2, AES-256) with its password")
        void encryptedPem() {
            servesWith(TlsOptions.pem(first.chainPem(), first.encryptedKeyPem(), TestCertificates.PASSWORD));
        }

        @Test
        @DisplayName("PKCS#12 with its password")
        void pkcs12() {
            servesWith(TlsOptions.pkcs12(first.pkcs12(), TestCertificates.PASSWORD));
        }

        @Test
        @DisplayName("AUTO is OpenSSL when netty-tcnative is on the class path; JDK and OPENSSL when asked")
        void providers() {
            TlsOptions pem = TlsOptions.pem(first.chainPem(), first.keyPem());
            assertThat(providerOf(pem)).isEqualTo("OPENSSL");
            assertThat(providerOf(pem.provider(TlsOptions.Provider.JDK))).isEqualTo("JDK");
            assertThat(providerOf(pem.provider(TlsOptions.Provider.OPENSSL))).isEqualTo("OPENSSL");
        }

        @Test
        @DisplayName("without netty-tcnative: AUTO is the JDK, OPENSSL fails at listen saying what to add")
        void withoutTcnative() throws Exception {
            ChildJvm.Result result = ChildJvm.run(
                    TlsProviderProgram.class,
                    entry -> entry.contains("netty-tcnative"),
                    first.chainPem().toString(),
                    first.keyPem().toString());
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout())
                    .startsWith("AUTO: JDK\n"
                            + "OPENSSL: TLS: the OpenSSL provider is not available (add"
                            + " io.netty:netty-tcnative-boringssl-static)");
        }
    }

    static String providerOf(TlsOptions tls) {
        try (TestServer server = TestServer.serveTls(app(), new ServerOptions().tls(tls))) {
            assertThat(server.get("/").status()).isEqualTo(200);
            return server.server().tlsProvider();
        }
    }

    /** Run in a child JVM without netty-tcnative: which provider AUTO picks, and what OPENSSL says. */
    public static final class TlsProviderProgram {
        public static void main(String[] args) {
            TlsOptions pem = TlsOptions.pem(Path.of(args[0]), Path.of(args[1]));
            try (Server server = app().listen(0, "127.0.0.1", new ServerOptions().tls(pem))) {
                System.out.println("AUTO: " + server.tlsProvider());
            }
            try (Server server =
                    app().listen(0, "127.0.0.1", new ServerOptions().tls(pem.provider(TlsOptions.Provider.OPENSSL)))) {
                System.out.println("OPENSSL: listening");
            } catch (IllegalArgumentException e) {
                System.out.println("OPENSSL: " + e.getMessage());
            }
        }
    }

    @Nested
    @DisplayName("fails at listen, naming the file")
    class Failures {
        @Test
        void missingCertificateChain() {
            Path missing = dir.resolve("nope.pem");
            failsToListen(
                    TlsOptions.pem(missing, first.keyPem()),
                    UncheckedIOException.class,
                    "TLS: cannot read the certificate chain " + missing + ": no such file");
        }

        @Test
        void missingKey() {
            Path missing = dir.resolve("nope-key.pem");
            failsToListen(
                    TlsOptions.pem(first.chainPem(), missing),
                    UncheckedIOException.class,
                    "TLS: cannot read the private key " + missing + ": no such file");
        }

        @Test
        void missingPkcs12() {
            Path missing = dir.resolve("nope.p12");
            failsToListen(
                    TlsOptions.pkcs12(missing, TestCertificates.PASSWORD),
                    UncheckedIOException.class,
                    "TLS: cannot read the PKCS#12 file " + missing + ": no such file");
        }

        @Test
        void wrongPkcs12Password() {
            App app = app();
            assertThatThrownBy(() -> app.listen(
                                    0,
                                    "127.0.0.1",
                                    new ServerOptions().tls(TlsOptions.pkcs12(first.pkcs12(), "wrong".toCharArray())))
                            .close())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("TLS: cannot open the PKCS#12 file " + first.pkcs12() + ": wrong password");
        }

        @Test
        void wrongKeyPassword() {
            App app = app();
            assertThatThrownBy(() -> app.listen(
                                    0,
                                    "127.0.0.1",
                                    new ServerOptions()
                                            .tls(TlsOptions.pem(
                                                    first.chainPem(), first.encryptedKeyPem(), "wrong".toCharArray())))
                            .close())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wrong password")
                    .hasMessageContaining(first.encryptedKeyPem().toString());
        }

        @Test
        void encryptedKeyWithoutPassword() {
            failsToListen(
                    TlsOptions.pem(first.chainPem(), first.encryptedKeyPem()),
                    IllegalArgumentException.class,
                    "TLS: the key in " + first.encryptedKeyPem()
                            + " is encrypted: give its password, TlsOptions.pem(cert, key, password)");
        }

        @Test
        void keyOfAnotherCertificate() {
            failsToListen(
                    TlsOptions.pem(first.chainPem(), certs.renewed.keyPem()),
                    IllegalArgumentException.class,
                    "TLS: the private key in " + certs.renewed.keyPem()
                            + " does not belong to the certificate CN=localhost, O=first");
        }

        @Test
        void pkcs1Key() throws Exception {
            Path rsa = dir.resolve("rsa.pem");
            Files.writeString(rsa, TestCertificates.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
            failsToListen(
                    TlsOptions.pem(first.chainPem(), rsa),
                    IllegalArgumentException.class,
                    "TLS: " + rsa + " holds a 'RSA PRIVATE KEY', not a PKCS#8 key; convert it: openssl pkcs8 -topk8"
                            + " -nocrypt -in rsa.pem -out key.pem");
        }

        @Test
        void keyFileWithoutKey() {
            failsToListen(
                    TlsOptions.pem(first.chainPem(), first.chainPem()),
                    IllegalArgumentException.class,
                    "TLS: no private key in " + first.chainPem()
                            + " (expected -----BEGIN PRIVATE KEY----- or ENCRYPTED PRIVATE KEY)");
        }

        @Test
        void chainFileWithoutCertificate() {
            App app = app();
            assertThatThrownBy(() -> app.listen(
                                    0,
                                    "127.0.0.1",
                                    new ServerOptions().tls(TlsOptions.pem(first.keyPem(), first.keyPem())))
                            .close())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("TLS: " + first.keyPem() + " is not a PEM certificate chain");
        }

        @Test
        @DisplayName("a failed listen leaves the port free: the same port binds at once with good files")
        void nothingBound() {
            App app = app();
            assertThatThrownBy(() ->
                            app.listen(0, new ServerOptions().tls(TlsOptions.pem(dir.resolve("x"), first.keyPem()))))
                    .isInstanceOf(UncheckedIOException.class);
            servesWith(TlsOptions.pem(first.chainPem(), first.keyPem()));
        }
    }

    @Nested
    @DisplayName("reloading without a restart")
    class Reload {
        @Test
        @DisplayName("reloadTls: new connections get the renewed certificate, an open one keeps its own")
        void renewed() throws Exception {
            Path chain = dir.resolve("chain.pem");
            Path key = dir.resolve("key.pem");
            TestCertificates.copy(first.chainPem(), chain);
            TestCertificates.copy(first.keyPem(), key);
            try (TestServer server = TestServer.serveTls(app(), new ServerOptions().tls(TlsOptions.pem(chain, key)));
                    RawClient open = server.connect()) {
                assertThat(open.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                .read("GET")
                                .status())
                        .isEqualTo(200);
                Certificate before =
                        ((javax.net.ssl.SSLSocket) open.socket()).getSession().getPeerCertificates()[0];
                assertThat(before).isEqualTo(first.certificate());

                TestCertificates.copy(certs.renewed.chainPem(), chain);
                TestCertificates.copy(certs.renewed.keyPem(), key);
                server.server().reloadTls();

                assertThat(HttpsServerTest.certificateOf(server.port())).isEqualTo(certs.renewed.certificate());
                assertThat(server.get("/").status()).isEqualTo(200);
                // the connection opened before the reload goes on, with the certificate it began with
                assertThat(open.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                .read("GET")
                                .status())
                        .isEqualTo(200);
                assertThat(((javax.net.ssl.SSLSocket) open.socket())
                                .getSession()
                                .getPeerCertificates()[0])
                        .isEqualTo(first.certificate());
            }
        }

        @Test
        @DisplayName("a reload that fails throws and keeps the current certificate")
        void failedReload() throws Exception {
            Path chain = dir.resolve("chain.pem");
            Path key = dir.resolve("key.pem");
            TestCertificates.copy(first.chainPem(), chain);
            TestCertificates.copy(first.keyPem(), key);
            try (TestServer server = TestServer.serveTls(app(), new ServerOptions().tls(TlsOptions.pem(chain, key)))) {
                // a renewal caught half way: the new certificate is there, the old key still
                TestCertificates.copy(certs.renewed.chainPem(), chain);
                assertThatThrownBy(() -> server.server().reloadTls())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("does not belong to the certificate CN=localhost, O=renewed");
                assertThat(HttpsServerTest.certificateOf(server.port())).isEqualTo(first.certificate());
                assertThat(server.get("/").status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("setSecureContext switches to other files (here a PKCS#12)")
        void setSecureContext() {
            try (TestServer server = TestServer.serveTls(app())) {
                server.server().setSecureContext(TlsOptions.pkcs12(certs.renewed.pkcs12(), TestCertificates.PASSWORD));
                assertThat(HttpsServerTest.certificateOf(server.port())).isEqualTo(certs.renewed.certificate());
                assertThat(server.get("/").status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("reloadTls on a clear-text server is an error")
        void clearText() {
            try (Server server = app().listen(0, "127.0.0.1")) {
                assertThatThrownBy(server::reloadTls)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("this server does not use TLS");
            }
        }
    }
}
