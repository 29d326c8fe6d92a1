package io.express4j.bench.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * WebSocket echo round trips: {@code connections} clients (the JDK's {@code java.net.http.WebSocket}, the same for
 * every server) each send a text message, wait for its echo, send the next, for {@code seconds} after a warm-up.
 * Prints {@code round_trips_per_s<TAB>N}. Usage: {@code WsEchoLoad ws://127.0.0.1:8081/ws connections seconds
 * warmupSeconds messageBytes}.
 */
public final class WsEchoLoad {
    private WsEchoLoad() {}

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int connections = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        String message = "x".repeat(Integer.parseInt(args[4]));
        LongAdder roundTrips = new LongAdder();
        HttpClient http = HttpClient.newHttpClient();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            sockets.add(http.newWebSocketBuilder()
                    .buildAsync(uri, new Echo(message, roundTrips))
                    .get(10, TimeUnit.SECONDS));
        }
        for (WebSocket ws : sockets) ws.sendText(message, true);
        Thread.sleep(warmup * 1000L);
        long start = roundTrips.sum();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long done = roundTrips.sum() - start;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.printf("round_trips_per_s\t%.0f%n", done / elapsed);
        for (WebSocket ws : sockets) ws.abort();
        System.exit(0);
    }

    /** One client: each whole echo counts one round trip and sends the next message. */
    private static final class Echo implements WebSocket.Listener {
        private final String message;
        private final LongAdder roundTrips;
        private int received;

        Echo(String message, LongAdder roundTrips) {
            this.message = message;
            this.roundTrips = roundTrips;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            received += data.length();
            if (last) {
                if (received != message.length()) throw new IllegalStateException("echo of the wrong size");
                received = 0;
                roundTrips.increment();
                ws.sendText(message, true);
            }
            ws.request(1);
            return null;
        }
    }
}
