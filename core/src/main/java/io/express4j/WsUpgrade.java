package io.express4j;

import io.express4j.http.WebSocketHandshake;
import io.express4j.log.Logs;
import java.util.List;
import org.slf4j.Logger;

/**
 * The layer {@code app.ws(path, handler)} adds: a GET route that takes a WebSocket upgrade request and leaves every
 * other request to the next layers ({@code next()}), so a plain GET of the path behaves as if the route were not
 * there. The handshake is checked as the npm package ws checks it, and refused with ws's 400 answers; a good one gets
 * the 101 (with the headers middleware set) and the handler runs. This layer answers from the middle of the app's
 * stack, so middleware before it (cookies, sessions, auth) has run, and may have refused the upgrade with a normal
 * HTTP answer.
 */
final class WsUpgrade implements Middleware {
    private static final Logger log = Logs.get("io.express4j");

    private final WsHandler handler;
    private final WsOptions options;

    WsUpgrade(WsHandler handler, WsOptions options) {
        this.handler = handler;
        this.options = options;
    }

    @Override
    public void handle(Request req, Response res, Next next) {
        if (!WebSocketHandshake.isUpgrade(req.method(), req.get("Connection"), req.get("Upgrade"))) {
            next.run();
            return;
        }
        String key = req.get("Sec-WebSocket-Key");
        if (!WebSocketHandshake.validKey(key)) {
            refuse(res, WebSocketHandshake.BAD_KEY, false);
            return;
        }
        if (!WebSocketHandshake.validVersion(req.get("Sec-WebSocket-Version"))) {
            refuse(res, WebSocketHandshake.BAD_VERSION, true);
            return;
        }
        String protocol = "";
        String offered = req.get("Sec-WebSocket-Protocol");
        if (offered != null) {
            List<String> protocols = WebSocketHandshake.parseProtocols(offered);
            if (protocols == null) {
                refuse(res, WebSocketHandshake.BAD_PROTOCOL, false);
                return;
            }
            String chosen = options.chooseProtocol(protocols, req);
            if (chosen != null && !chosen.isEmpty()) protocol = chosen;
        }
        res.setHeader("Upgrade", "websocket");
        res.setHeader("Connection", "Upgrade");
        res.setHeader("Sec-WebSocket-Accept", WebSocketHandshake.accept(key));
        if (!protocol.isEmpty()) res.setHeader("Sec-WebSocket-Protocol", protocol);
        WebSocket ws = new WebSocket(res.switchProtocols(options.toSettings()), protocol);
        try {
            handler.handle(ws, req);
        } catch (Exception | Error e) {
            // the 101 is out: the only answer left is RFC 6455's 1011 (an unexpected condition on the server)
            log.error("{} {}: the WebSocket handler failed", req.method(), req.originalUrl(), e);
            if (ws.isOpen()) ws.close(1011, "");
        }
        ws.start();
    }

    /**
     * ws's {@code abortHandshake}: the status, {@code Connection: close}, {@code Content-Type: text/html}, the
     * length and the message as the body (ws also lists the versions it speaks when the version was the problem).
     */
    private static void refuse(Response res, String message, boolean versions) {
        res.statusCode(400);
        res.setHeader("Connection", "close");
        res.setHeader("Content-Type", "text/html");
        res.setHeader("Content-Length", Integer.toString(message.length()));
        if (versions) res.setHeader("Sec-WebSocket-Version", WebSocketHandshake.SUPPORTED_VERSIONS);
        res.end(message);
    }
}
