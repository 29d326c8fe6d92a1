package io.express4j.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server for one test class: on a free loopback port, in a temporary folder, without persistence.
 * It can be killed ({@code SIGKILL}, as a crash) and started again on the same port. {@link #commands()} is a
 * plain Lettuce connection for looking at what the stores wrote.
 */
final class LocalRedis implements AutoCloseable {
    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    private LocalRedis(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /** Starts one; skips the test when redis-server is missing (see {@link Binaries}). */
    static LocalRedis start() throws Exception {
        Path binary = Binaries.require("redis-server");
        LocalRedis redis = new LocalRedis(binary, Files.createTempDirectory("express4j-redis"), freePort());
        redis.startProcess();
        return redis;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Starts redis-server again on the same port (after {@link #kill()}). */
    void startProcess() throws Exception {
        process = new ProcessBuilder(
                        binary.toString(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--dir",
                        dir.toString(),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--daemonize",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!answers()) {
            if (!process.isAlive()) throw new IllegalStateException("redis-server exited: " + log());
            if (System.nanoTime() > deadline) throw new IllegalStateException("redis-server did not start: " + log());
            Thread.sleep(20);
        }
    }

    /** Kills redis-server at once, as a crash would (clients see the connection reset). */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Freezes redis-server ({@code SIGSTOP}): connections stay open, nothing answers, as a hung server. */
    void pause() throws Exception {
        signal("-STOP");
    }

    /** Lets a paused redis-server run again ({@code SIGCONT}). */
    void resume() throws Exception {
        signal("-CONT");
    }

    private void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill " + signal + " failed");
        }
    }

    /** Whether something accepts connections on the port and answers PING. */
    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes());
            byte[] reply = new byte[7];
            int n = socket.getInputStream().readNBytes(reply, 0, 7);
            return n == 7 && new String(reply).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** A Lettuce connection of the test's own, to read and write keys directly. */
    RedisCommands<String, String> commands() {
        if (connection == null || !connection.isOpen()) {
            if (client == null) {
                client = RedisClient.create(uri());
            }
            connection = client.connect();
        }
        return connection.sync();
    }

    @Override
    public void close() throws IOException {
        if (connection != null) connection.close();
        if (client != null) client.shutdown();
        if (process != null) kill();
        try (var files = Files.walk(dir)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }

    List<String> keys(String pattern) {
        return commands().keys(pattern);
    }
}
