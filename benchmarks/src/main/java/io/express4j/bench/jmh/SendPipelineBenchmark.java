package io.express4j.bench.jmh;

import io.express4j.http.ETags;
import io.express4j.http.Freshness;
import io.express4j.http.MediaType;
import io.express4j.http.MimeTypes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The steps of {@code res.send("Hello, World!")} one by one, as Response runs them: the type for a string body
 * (mime lookup of "html"), the charset forced to utf-8, the body bytes and their length, the weak ETag, and the
 * freshness check (no conditional headers, the usual case; and a matching If-None-Match, the 304 case).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SendPipelineBenchmark {
    private final String body = "Hello, World!";
    private final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    private final String etag = ETags.generate(bytes, true);

    @Benchmark
    public String typeLookup() {
        return MimeTypes.contentType("html");
    }

    @Benchmark
    public String withCharset() {
        return MediaType.withCharset("text/html; charset=utf-8", "utf-8");
    }

    @Benchmark
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public String contentLength() {
        return Integer.toString(bytes.length);
    }

    @Benchmark
    public String etag() {
        return ETags.generate(bytes, true);
    }

    @Benchmark
    public boolean freshUnconditional() {
        return Freshness.isFresh(null, null, null, etag, null);
    }

    @Benchmark
    public boolean freshIfNoneMatch() {
        return Freshness.isFresh(etag, null, null, etag, null);
    }

    /** All steps in a row: what send adds to a request before the head is built. */
    @Benchmark
    public void allSteps(Blackhole bh) {
        String type = MediaType.withCharset(MimeTypes.contentType("html"), "utf-8");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String length = Integer.toString(b.length);
        String tag = ETags.generate(b, true);
        bh.consume(type);
        bh.consume(length);
        bh.consume(Freshness.isFresh(null, null, null, tag, null));
    }
}
