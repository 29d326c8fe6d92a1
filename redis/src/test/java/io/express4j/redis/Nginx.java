package io.express4j.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real nginx in front of the fleet, with a configuration written for the test: a round-robin upstream of the
 * instances, the headers a proxy sets ({@code Host}, {@code X-Forwarded-For}, {@code X-Forwarded-Proto}), a plain
 * listener and a TLS one (a self-signed certificate made with openssl), all on free loopback ports, everything in a
 * temporary folder. A GET that meets a dead instance is passed to the next one ({@code proxy_next_upstream}).
 */
final class Nginx implements AutoCloseable {
    final int httpPort;
    final int httpsPort;
    private final Process process;
    private final Path dir;

    private Nginx(int httpPort, int httpsPort, Process process, Path dir) {
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.process = process;
        this.dir = dir;
    }

    static Nginx start(Path dir, List<Integer> upstreamPorts) throws Exception {
        Path nginx = Binaries.require("nginx");
        Path openssl = Binaries.require("openssl");
        Files.createDirectories(dir);
        Process cert = new ProcessBuilder(
                        openssl.toString(),
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-keyout",
                        dir.resolve("key.pem").toString(),
                        "-out",
                        dir.resolve("cert.pem").toString(),
                        "-days",
                        "1",
                        "-subj",
                        "/CN=localhost")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile())
                .start();
        if (!cert.waitFor(60, TimeUnit.SECONDS) || cert.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
        }
        int http = LocalRedis.freePort();
        int https = LocalRedis.freePort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, upstreamPorts, http, https));
        Process process = new ProcessBuilder(
                        nginx.toString(),
                        "-p",
                        dir.toString(),
                        "-c",
                        conf.toString(),
                        "-e",
                        dir.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy)); // SIGTERM stops the workers too
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(listening(http) && listening(https))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("nginx.out"))
                        + Files.readString(dir.resolve("error.log")));
            }
            Thread.sleep(50);
        }
        return new Nginx(http, https, process, dir);
    }

    static String config(Path dir, List<Integer> upstreamPorts, int http, int https) {
        String servers = upstreamPorts.stream()
                .map(port -> "        server 127.0.0.1:" + port + " max_fails=1 fail_timeout=30s;")
                .collect(Collectors.joining("\n"));
        // as root nginx would hand its workers to "nobody", who may not enter the temporary folder
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        String proxy = """
                            proxy_pass http://fleet;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_next_upstream error timeout;
                """;
        return user + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream fleet {
                %2$s
                        keepalive 16;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                %5$s        }
                    }
                    server {
                        listen 127.0.0.1:%4$d ssl;
                        ssl_certificate %1$s/cert.pem;
                        ssl_certificate_key %1$s/key.pem;
                        location / {
                %5$s        }
                    }
                }
                """.formatted(dir, servers, http, https, proxy);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String errorLog() throws IOException {
        return Files.readString(dir.resolve("error.log"));
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
