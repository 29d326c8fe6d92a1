package io.express4j.soak;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts {@code n} requests in flight against the SoakServer (each on its own connection, to /sleep for
 * {@code sleepMillis}), sends SIGTERM to the server while they are all in flight, and counts the answers: every
 * request must get its 200 with {@code Connection: close}. 127.0.0.1 only, bounded.
 *
 * <p>{@code java … io.express4j.soak.DrainCheck <port> <serverPid> <n> <sleepMillis>}
 */
public final class DrainCheck {
    private DrainCheck() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int n = Math.min(Integer.parseInt(args[2]), 5_000);
        long sleep = Long.parseLong(args[3]);
        List<Socket> sockets = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /sleep?ms=" + sleep + "&id=" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sockets.add(s);
        }
        long sentAt = System.nanoTime();
        long sendMillis = (sentAt - start) / 1_000_000;
        // All n are now being handled (each sleeps); signal the server well before the first could finish.
        new ProcessBuilder("kill", "-TERM", Long.toString(pid))
                .inheritIO()
                .start()
                .waitFor();
        long signalledAfter = (System.nanoTime() - start) / 1_000_000;
        // Request 0 was sent first: if the signal left before its sleep ended, all n were in flight at SIGTERM.
        boolean allInFlight = signalledAfter < sleep;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger closeHeader = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger keepAliveSeen = new AtomicInteger();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = sockets.get(i);
            String expected = "slept " + i;
            readers.add(Thread.ofVirtual().start(() -> {
                try (s;
                        BufferedReader in = new BufferedReader(
                                new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))) {
                    String status = in.readLine();
                    boolean close = false;
                    String line;
                    StringBuilder head = new StringBuilder(status).append(" | ");
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                        head.append(line).append(" | ");
                        if (line.equalsIgnoreCase("Connection: close")) close = true;
                    }
                    if (!close && keepAliveSeen.incrementAndGet() <= 2) System.out.println("KEPT " + head);
                    char[] body = new char[expected.length()];
                    int got = in.read(body);
                    if (status != null
                            && status.startsWith("HTTP/1.1 200")
                            && got == body.length
                            && new String(body).equals(expected)) {
                        ok.incrementAndGet();
                        if (close) closeHeader.incrementAndGet();
                    } else {
                        if (lost.incrementAndGet() <= 3) System.out.println("LOST " + expected + ": " + status);
                    }
                } catch (Exception e) {
                    if (lost.incrementAndGet() <= 3) System.out.println("LOST " + expected + ": " + e);
                }
            }));
        }
        for (Thread t : readers) t.join();
        System.out.printf(
                "DRAIN requests=%d sentInMs=%d sigtermAtMs=%d allInFlightAtSigterm=%b answered200=%d"
                        + " withConnectionClose=%d lost=%d%n",
                n, sendMillis, signalledAfter, allInFlight, ok.get(), closeHeader.get(), lost.get());
        System.exit(lost.get() == 0 && allInFlight ? 0 : 1);
    }
}
