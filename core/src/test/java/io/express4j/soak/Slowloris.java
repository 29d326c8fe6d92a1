package io.express4j.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Slowloris against 127.0.0.1 only: keeps {@code connections} sockets open, each sending a request head one header
 * line at a time every {@code intervalMillis}, never finishing it; a socket the server closes (its headers
 * timeout: 408) is replaced by a fresh one. Stops by itself after {@code seconds}. Prints what the server did.
 *
 * <p>{@code java … io.express4j.soak.Slowloris <port> <connections> <seconds> [intervalMillis]}
 */
public final class Slowloris {
    private Slowloris() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Math.min(Integer.parseInt(args[1]), 10_000);
        long seconds = Math.min(Long.parseLong(args[2]), 3_600);
        long interval = args.length > 3 ? Long.parseLong(args[3]) : 5_000;
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
        Selector selector = Selector.open();
        List<SocketChannel> open = new ArrayList<>();
        long opened = 0;
        long closedByServer = 0;
        long got408 = 0;
        long refused = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long nextTrickle = 0;
        ByteBuffer read = ByteBuffer.allocate(4096);
        long line = 0;
        while (System.nanoTime() < end) {
            while (open.size() < connections) {
                try {
                    SocketChannel ch = SocketChannel.open();
                    ch.setOption(StandardSocketOptions.SO_LINGER, 0);
                    ch.connect(target);
                    ch.configureBlocking(false);
                    ch.register(selector, SelectionKey.OP_READ);
                    ch.write(ByteBuffer.wrap(
                            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII)));
                    open.add(ch);
                    opened++;
                } catch (IOException e) {
                    refused++;
                    break;
                }
            }
            if (System.nanoTime() >= nextTrickle) {
                ByteBuffer header =
                        ByteBuffer.wrap(("X-Slow-" + (line++ % 1000) + ": x\r\n").getBytes(StandardCharsets.US_ASCII));
                for (Iterator<SocketChannel> it = open.iterator(); it.hasNext(); ) {
                    SocketChannel ch = it.next();
                    try {
                        ch.write(header.duplicate());
                    } catch (IOException e) {
                        it.remove();
                        ch.close();
                        closedByServer++;
                    }
                }
                nextTrickle = System.nanoTime() + interval * 1_000_000L;
            }
            selector.select(200);
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel ch = (SocketChannel) key.channel();
                read.clear();
                int n;
                try {
                    n = ch.read(read);
                } catch (IOException e) {
                    n = -1;
                }
                if (n > 0 && new String(read.array(), 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 408")) {
                    got408++;
                }
                if (n != 0) {
                    key.cancel();
                    open.remove(ch);
                    ch.close();
                    closedByServer++;
                }
            }
            selector.selectedKeys().clear();
        }
        for (SocketChannel ch : open) ch.close();
        System.out.printf(
                "SLOWLORIS connections=%d opened=%d closedByServer=%d got408=%d connectFailures=%d%n",
                connections, opened, closedByServer, got408, refused);
    }
}
