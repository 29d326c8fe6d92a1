package io.express4j.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Express twin ({@code conformance/express/app.js}) as a child process: started with the machine's
 * {@code node}, it prints its two ports on its first stdout line; closing its stdin ends it.
 */
final class ExpressOracle implements AutoCloseable {
    private static final Pattern PORTS = Pattern.compile("\\{\"dev\":(\\d+),\"prod\":(\\d+)}");

    private final Process process;
    final int devPort;
    final int prodPort;
    final String nodeVersion;

    private ExpressOracle(Process process, int devPort, int prodPort, String nodeVersion) {
        this.process = process;
        this.devPort = devPort;
        this.prodPort = prodPort;
        this.nodeVersion = nodeVersion;
    }

    /** Starts {@code node app.js} in {@code appDir}, serving files and views from {@code fixtures}. */
    static ExpressOracle start(Path appDir, Path fixtures, Path log) throws IOException, InterruptedException {
        if (!Files.isDirectory(appDir.resolve("node_modules/express"))) {
            throw new IllegalStateException(appDir + "/node_modules is missing: the build installs it with `npm ci` "
                    + "(exec-maven-plugin, phase generate-test-resources); run `mvn verify`, or `npm ci` there");
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder node =
                new ProcessBuilder("node", "app.js").directory(appDir.toFile()).redirectError(log.toFile());
        node.environment().put("FIXTURES", fixtures.toString());
        Process process = node.start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                        try {
                            return out.readLine();
                        } catch (IOException e) {
                            return null;
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
            Matcher m = line == null ? null : PORTS.matcher(line);
            if (m == null || !m.matches()) {
                throw new IllegalStateException("the Express app did not start (stdout: " + line + "); see " + log);
            }
            return new ExpressOracle(
                    process, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), nodeVersion());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the Express app did not start; see " + log, e);
        }
    }

    private static String nodeVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "--version")
                .redirectErrorStream(true)
                .start();
        String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(10, TimeUnit.SECONDS);
        return v;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
