package io.express4j.autobahn;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.WsOptions;

/**
 * The app the Autobahn fuzzing client talks to: every message echoed as it came (text as text, binary as binary),
 * on every path, with the default limits except a maximum message size that fits the suite's largest case (9.x
 * sends 16 MiB messages). The plugin calls {@code main(port)} and connects to this host's address.
 */
public final class AutobahnEchoServer {
    private AutobahnEchoServer() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        App app = Express.app();
        app.ws("/{*path}", new WsOptions().maxPayload(20 * 1024 * 1024), (ws, req) -> {
            ws.onMessage(ws::send);
            ws.onBinary(ws::send);
        });
        app.listen(port);
    }
}
