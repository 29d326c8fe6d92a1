package io.express4j.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One app instance of the fleet as a process of its own (an express4j JVM or a node Express app): started with its
 * output in a log file, ready once it prints {@code listening <port>}, killed with {@code SIGKILL} as a crash.
 */
final class FleetProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening (\\d+)");

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private FleetProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** An express4j instance: {@link ScaleOutApp} in a new JVM, on this test JVM's class path. */
    static FleetProcess express4j(Path dir, String name, String redisUri, String secret, int limit) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ScaleOutApp.class.getName(),
                redisUri,
                name,
                secret,
                Integer.toString(limit));
        return start(dir, name, new ProcessBuilder(command));
    }

    /** The Express twin ({@code src/test/node/app.js}, its packages installed by {@code npm ci}). */
    static FleetProcess node(Path dir, Path node, Path appJs, String name, String redisUri, String secret, int limit)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(node.toString(), appJs.toString());
        builder.directory(appJs.getParent().toFile());
        builder.environment()
                .putAll(Map.of(
                        "REDIS_URL", redisUri, "NAME", name, "SECRET", secret, "LIMIT", Integer.toString(limit)));
        return start(dir, name, builder);
    }

    private static FleetProcess start(Path dir, String name, ProcessBuilder builder) throws Exception {
        Path log = dir.resolve(name + ".log");
        Process process =
                builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a test JVM stopped early (a timeout, Ctrl-C) takes its instances with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) return new FleetProcess(name, Integer.parseInt(m.group(1)), process, log);
            if (!process.isAlive()) throw new IllegalStateException(name + " exited: " + Files.readString(log));
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not start within 60 s: " + Files.readString(log));
    }

    /** SIGKILL, as a crash: nothing is flushed or closed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        kill();
    }
}
