package io.express4j.test;

import io.express4j.App;
import io.express4j.Server;
import io.express4j.ServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** The app listening on an ephemeral loopback port; each connection is a real socket. */
final class SocketWire implements Wire {
    private final Server server;

    SocketWire(App app, ServerOptions options) {
        server = app.listen(0, "127.0.0.1", options == null ? new ServerOptions() : options);
    }

    @Override
    public Connection connect(Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) readTimeout.toMillis());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) readTimeout.toMillis());
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        return new Connection() {
            @Override
            public InputStream input() {
                return in;
            }

            @Override
            public OutputStream output() {
                return out;
            }

            @Override
            public void close() {
                try {
                    socket.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Override
    public String host() {
        return "127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close(Duration.ZERO);
    }
}
