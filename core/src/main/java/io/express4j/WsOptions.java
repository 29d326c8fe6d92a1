package io.express4j;

import io.express4j.server.WebSocketSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Options of a WebSocket route, {@code app.ws(path, new WsOptions().maxPayload(1 << 20), handler)}; names as the npm
 * package ws's server options where ws has them.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th><th>when exceeded</th></tr>
 *   <tr><td>{@code maxPayload}</td><td>16 MiB (ws: 100 MiB, Jetty: 64 KiB)</td><td>close 1009</td></tr>
 *   <tr><td>{@code idleTimeout}</td><td>none (as ws)</td><td>close 1001</td></tr>
 *   <tr><td>{@code closeTimeout}</td><td>30 s (ws's)</td><td>connection dropped</td></tr>
 *   <tr><td>{@code handleProtocols}</td><td>the first protocol the client offers (ws's)</td><td>—</td></tr>
 * </table>
 */
public final class WsOptions {
    /** Received bytes waiting for a slow handler before the socket stops being read. */
    private static final int QUEUED_BYTES_LIMIT = 1024 * 1024;

    private int maxPayload = 16 * 1024 * 1024;
    private Duration idleTimeout = Duration.ZERO;
    private Duration closeTimeout = Duration.ofSeconds(30);
    private BiFunction<List<String>, Request, String> handleProtocols = (offered, req) -> offered.get(0);

    /** Largest message (or frame) accepted, in bytes; a bigger one closes the connection with 1009. */
    public WsOptions maxPayload(int bytes) {
        if (bytes <= 0) throw new IllegalArgumentException("maxPayload must be positive: " + bytes);
        this.maxPayload = bytes;
        return this;
    }

    /** No frame either way for this long closes the connection with 1001; {@link Duration#ZERO} means never. */
    public WsOptions idleTimeout(Duration timeout) {
        this.idleTimeout = notNegative(timeout, "idleTimeout");
        return this;
    }

    /** How long a close frame waits for the client's answer before the connection is dropped. */
    public WsOptions closeTimeout(Duration timeout) {
        this.closeTimeout = notNegative(timeout, "closeTimeout");
        return this;
    }

    /**
     * Picks the subprotocol from those the client offered in {@code Sec-WebSocket-Protocol} (in its order, never
     * empty); null accepts none (the 101 then has no {@code Sec-WebSocket-Protocol}). Not called when none was
     * offered. ws's {@code handleProtocols}.
     */
    public WsOptions handleProtocols(BiFunction<List<String>, Request, String> choose) {
        this.handleProtocols = Objects.requireNonNull(choose, "handleProtocols");
        return this;
    }

    String chooseProtocol(List<String> offered, Request req) {
        return handleProtocols.apply(offered, req);
    }

    WebSocketSettings toSettings() {
        return new WebSocketSettings(maxPayload, idleTimeout.toMillis(), closeTimeout.toMillis(), QUEUED_BYTES_LIMIT);
    }

    private static Duration notNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration of zero or more: " + value);
        }
        return value;
    }
}
