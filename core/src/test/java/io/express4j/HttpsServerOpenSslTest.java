package io.express4j;

/**
 * {@link HttpsServerTest}'s cases on OpenSSL (BoringSSL from netty-tcnative, on the test class path): the same
 * answers, the same refusals.
 */
class HttpsServerOpenSslTest extends HttpsServerTest {
    @Override
    TlsOptions.Provider provider() {
        return TlsOptions.Provider.OPENSSL;
    }

    @Override
    int alertRecordVersion() {
        return 0x0301;
    }
}
