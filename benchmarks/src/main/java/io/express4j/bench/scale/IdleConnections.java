package io.express4j.bench.scale;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client of the idle-connections scale check: opens N keep-alive connections, makes one request on each,
 * prints {@code READY} once all have answered, keeps them open for a while, and prints how many survived. Each
 * connection is re-used every few seconds (inside the servers' 5 s keep-alive timeout) so that it stays open. One thread, one selector: the client
 * must stay far cheaper than the server it measures.
 *
 * <p>Usage: {@code IdleConnections host port connections holdSeconds pingSeconds}
 */
public final class IdleConnections {
    private static final byte[] REQUEST =
            "GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long CONNECT_DEADLINE_NANOS = 60_000_000_000L;

    /** Per connection: responses seen (counted by their status lines) and whether the server closed it. */
    private static final class Conn {
        final SocketChannel channel;
        int requests;
        int responses;
        boolean closed;

        Conn(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private IdleConnections() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        InetSocketAddress address = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int count = Integer.parseInt(args[2]);
        long holdNanos = Long.parseLong(args[3]) * 1_000_000_000L;
        long pingNanos = Long.parseLong(args[4]) * 1_000_000_000L;
        Selector selector = Selector.open();
        List<Conn> conns = new ArrayList<>(count);
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        long start = System.nanoTime();
        long nextPing = start + pingNanos;
        long holdEnd = Long.MAX_VALUE;
        int opened = 0;
        while (System.nanoTime() < holdEnd) {
            long now = System.nanoTime();
            if (holdEnd == Long.MAX_VALUE) {
                int answered = answered(conns);
                if (answered == count || now - start > CONNECT_DEADLINE_NANOS) {
                    System.out.println(
                            "READY " + answered + " of " + count + " in " + (now - start) / 1_000_000 + " ms");
                    System.out.flush();
                    holdEnd = now + holdNanos;
                }
                // open in batches so the accept backlog never overflows
                for (int i = 0; i < 200 && opened < count && opened - answered < 1000; i++, opened++) {
                    SocketChannel ch = SocketChannel.open();
                    ch.configureBlocking(false);
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    Conn c = new Conn(ch);
                    conns.add(c);
                    ch.register(selector, ch.connect(address) ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, c);
                }
            }
            // re-use every answered connection now and then, from the start: the first ones must not time out
            // while the last ones are still being opened
            if (now >= nextPing) {
                for (Conn c : conns) {
                    if (!c.closed && c.responses > 0 && c.responses == c.requests) {
                        c.requests++;
                        c.channel.write(ByteBuffer.wrap(REQUEST));
                    }
                }
                nextPing += pingNanos;
            }
            poll(selector, buf, 10);
        }
        int open = 0;
        long responses = 0;
        for (Conn c : conns) {
            if (!c.closed) open++;
            responses += c.responses;
            c.channel.close();
        }
        System.out.println("DONE open=" + open + " of " + count + " responses=" + responses);
    }

    private static int answered(List<Conn> conns) {
        int n = 0;
        for (Conn c : conns) if (c.responses > 0) n++;
        return n;
    }

    private static void poll(Selector selector, ByteBuffer buf, long millis) throws IOException {
        selector.select(millis);
        for (SelectionKey key : selector.selectedKeys()) {
            Conn c = (Conn) key.attachment();
            try {
                if (key.isConnectable()) {
                    c.channel.finishConnect();
                    key.interestOps(SelectionKey.OP_WRITE);
                } else if (key.isWritable()) {
                    c.requests++;
                    c.channel.write(ByteBuffer.wrap(REQUEST));
                    key.interestOps(SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    buf.clear();
                    int n = c.channel.read(buf);
                    if (n < 0) {
                        c.closed = true;
                        key.cancel();
                        continue;
                    }
                    for (int i = 0; i + 4 < n; i++) { // status lines: "HTTP/1.1 "
                        if (buf.get(i) == 'H'
                                && buf.get(i + 1) == 'T'
                                && buf.get(i + 2) == 'T'
                                && buf.get(i + 3) == 'P'
                                && buf.get(i + 4) == '/') c.responses++;
                    }
                }
            } catch (IOException e) {
                c.closed = true;
                key.cancel();
            }
        }
        selector.selectedKeys().clear();
    }
}
