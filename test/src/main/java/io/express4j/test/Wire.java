package io.express4j.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/** Where a {@link TestClient}'s connections go: the app in process, or a server on a loopback socket. */
interface Wire extends AutoCloseable {
    /** A new connection; reads on it fail after {@code readTimeout} without a byte. */
    Connection connect(Duration readTimeout) throws IOException;

    /** The {@code Host} header a request carries unless the test sets one (supertest's {@code 127.0.0.1:port}). */
    String host();

    @Override
    void close();

    /** One connection: bytes out, bytes in, as a socket. */
    interface Connection extends AutoCloseable {
        InputStream input();

        OutputStream output();

        @Override
        void close();
    }
}
