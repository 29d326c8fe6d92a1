package io.express4j.bench.servers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What every benchmark server answers, so that the servers differ only in the framework under test: the same
 * paths, bodies and sizes as benchmarks/node/express.js and fastify.js.
 */
public final class BenchPayloads {
    /** {@code GET /plaintext}: 13 bytes. */
    public static final String HELLO = "Hello, World!";

    public static final byte[] HELLO_BYTES = HELLO.getBytes(StandardCharsets.UTF_8);
    /** {@code GET /json}: {@code {"message":"Hello, World!"}}. */
    public static final String MESSAGE_KEY = "message";
    /** {@code GET /stream}: this many writes of {@link #KIB}. */
    public static final int STREAM_WRITES = 1000;

    public static final byte[] KIB = filled(1024);
    /** {@code GET /static/1mib.bin} is served from this directory (run.sh creates the file). */
    public static final String STATIC_FILE = "1mib.bin";

    private BenchPayloads() {}

    private static byte[] filled(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    /** The port: first argument, else {@code PORT}, else the given default. */
    public static int port(String[] args, int fallback) {
        if (args.length > 0) return Integer.parseInt(args[0]);
        String env = System.getenv("PORT");
        return env == null || env.isEmpty() ? fallback : Integer.parseInt(env);
    }

    /** The directory of the static file: {@code STATIC_DIR}, else {@code ./static}. */
    public static Path staticDir() {
        String env = System.getenv("STATIC_DIR");
        return Path.of(env == null || env.isEmpty() ? "static" : env).toAbsolutePath();
    }

    /**
     * How many decoy routes to register before the benchmark routes ({@code ROUTES} total, so that the plaintext
     * route is the ROUTES-th the router scans): the route-count scale check.
     */
    public static int decoyRoutes() {
        String env = System.getenv("ROUTES");
        return env == null || env.isEmpty() ? 0 : Math.max(0, Integer.parseInt(env) - 1);
    }

    /** A decoy path: half static, half with a parameter, as a REST API's table looks. */
    public static String decoyPath(int i) {
        return i % 2 == 0 ? "/api/v1/resource" + i : "/api/v1/resource" + i + "/:id";
    }
}
