package io.express4j.test;

import io.express4j.App;
import io.express4j.ServerOptions;
import io.express4j.server.HttpServerEngine;
import io.express4j.server.InProcessConnection;
import io.express4j.server.TestAccess;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * The app served in process: each connection runs through the same pipeline a socket's would (decoder, limits,
 * timeouts, keep-alive, pipelining, handlers on virtual threads), with no port opened.
 */
final class InProcessWire implements Wire {
    private final HttpServerEngine engine;

    InProcessWire(App app, ServerOptions options) {
        TestAccess.Served served = TestAccess.serve(app, options);
        engine = HttpServerEngine.startInProcess(served.listener(), served.config());
    }

    @Override
    public Connection connect(Duration readTimeout) {
        InProcessConnection connection = engine.connect();
        connection.readTimeout(readTimeout.toMillis());
        return new Connection() {
            @Override
            public InputStream input() {
                return connection.input();
            }

            @Override
            public OutputStream output() {
                return connection.output();
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public void close() {
        engine.close(Duration.ZERO);
    }
}
