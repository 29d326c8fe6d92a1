package io.express4j.example;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol with the JDK's own HttpClient and WebSocket:
 * no driver binary, no browser download. One page, commands answered in order by id; protocol events are ignored.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Generous: the machine may be shared by several builds.
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration COMMAND = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The first Chromium on the PATH, if there is one. */
    static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of("chromium", "chromium-browser")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static HeadlessChromium launch(Path executable, int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("express4j-chromium");
        Process process = new ProcessBuilder(
                        executable.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        // without these Chromium phones home, and a closed network refuses it slowly
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        "--user-data-dir=" + profile,
                        "--window-size=" + width + "," + height,
                        "--remote-debugging-port=0",
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        try {
            int port = devToolsPort(process, profile);
            HttpClient http = HttpClient.newHttpClient();
            String targets = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String pageSocket = null;
            for (JsonNode target : JSON.readTree(targets)) {
                if ("page".equals(target.path("type").asString())) {
                    pageSocket = target.path("webSocketDebuggerUrl").asString();
                }
            }
            if (pageSocket == null) throw new IOException("Chromium opened no page: " + targets);
            Holder holder = new Holder();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create(pageSocket), holder.listener())
                    .get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            holder.chromium = new HeadlessChromium(process, profile, socket);
            return holder.chromium;
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Chromium writes the port it chose into the profile once DevTools listens. */
    private static int devToolsPort(Process process, Path profile) throws Exception {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile);
                if (!lines.isEmpty() && !lines.get(0).isBlank())
                    return Integer.parseInt(lines.get(0).trim());
            }
            if (!process.isAlive()) {
                throw new IOException("Chromium exited: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        throw new IOException("Chromium did not open DevTools within " + STARTUP);
    }

    void navigate(String url) throws Exception {
        command("Page.navigate", Map.of("url", url));
    }

    /** Evaluates a JavaScript expression in the page and returns its value (JSON-serialisable values only). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = command("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails"))
            throw new IllegalStateException(result.get("exceptionDetails").toString());
        return result.path("result").path("value");
    }

    /** Polls the expression until it is true; the page's own fetches decide how long that takes. */
    void waitUntil(String expression, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!evaluate(expression).asBoolean(false)) {
            if (System.nanoTime() > deadline) throw new AssertionError("page never satisfied: " + expression);
            Thread.sleep(100);
        }
    }

    /** The whole page, however far it reaches beyond the window. */
    byte[] screenshotPng() throws Exception {
        JsonNode size = command("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
        Map<String, Object> page = Map.of(
                "x",
                0,
                "y",
                0,
                "width",
                size.path("width").asDouble(),
                "height",
                size.path("height").asDouble(),
                "scale",
                1);
        JsonNode shot =
                command("Page.captureScreenshot", Map.of("format", "png", "clip", page, "captureBeyondViewport", true));
        return Base64.getDecoder().decode(shot.path("data").asString());
    }

    private JsonNode command(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        String message = JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
        socket.sendText(message, true).get(COMMAND.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = answer.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) throw new IllegalStateException(method + ": " + reply.get("error"));
        return reply.path("result");
    }

    private void received(String message) {
        JsonNode node = JSON.readTree(message);
        if (node.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(node.get("id").asInt());
            if (answer != null) answer.complete(node);
        }
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS))
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The listener exists before the browser object does; messages arrive in fragments (screenshots are large). */
    private static final class Holder {
        volatile HeadlessChromium chromium;
        private final StringBuilder partial = new StringBuilder();

        WebSocket.Listener listener() {
            return new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        String message = partial.toString();
                        partial.setLength(0);
                        if (chromium != null) chromium.received(message);
                    }
                    webSocket.request(1);
                    return null;
                }
            };
        }
    }
}
