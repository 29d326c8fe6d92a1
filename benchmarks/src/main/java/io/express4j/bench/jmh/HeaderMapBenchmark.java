package io.express4j.bench.jmh;

import io.express4j.http.HeaderMap;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The response header store over one {@code res.send}: the sets, look-ups and removals Response and
 * ServerResponse make (in their order), then the copy into Netty's headers that HttpExchange makes. The
 * {@code nettyOnly} variant sets the same lines straight into Netty's headers: the cost a raw handler pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HeaderMapBenchmark {
    private static final HttpHeadersFactory UNVALIDATED =
            DefaultHttpHeadersFactory.headersFactory().withNameValidation(false).withValueValidation(false);
    private static final String DATE = "Tue, 25 Nov 2026 10:00:00 GMT";

    private HeaderMap full;

    @Setup
    public void setUp() {
        full = sendLifecycle();
    }

    /** What one {@code res.send("Hello, World!")} does to the store, ending with the copy to Netty. */
    @Benchmark
    public HttpHeaders sendLifecycle_andCopy() {
        HeaderMap h = sendLifecycle();
        HttpHeaders out = UNVALIDATED.newHeaders();
        h.forEachLine(out::add);
        return out;
    }

    @Benchmark
    public HttpHeaders nettyOnly() {
        HttpHeaders out = UNVALIDATED.newHeaders();
        out.add("X-Powered-By", "express4j");
        out.add("Content-Type", "text/html; charset=utf-8");
        out.add("Content-Length", "13");
        out.add("ETag", "W/\"d-CgqfKmdylCVXq1NV12r0Qvj2XgE\"");
        out.add("Date", DATE);
        out.add("Connection", "keep-alive");
        out.add("Keep-Alive", "timeout=5");
        return out;
    }

    /** A miss in a full store: the worst case of the linear, case-insensitive scan. */
    @Benchmark
    public boolean containsMiss() {
        return full.contains("Transfer-Encoding");
    }

    @Benchmark
    public Object getHitLast() {
        return full.get("keep-alive");
    }

    private static HeaderMap sendLifecycle() {
        HeaderMap h = new HeaderMap();
        h.set("X-Powered-By", "express4j");
        if (h.get("Content-Type") == null) h.set("Content-Type", "text/html; charset=utf-8");
        h.set("Content-Type", h.getString("Content-Type"));
        boolean etag = !h.contains("ETag");
        if (!h.contains("Transfer-Encoding")) h.set("Content-Length", "13");
        if (etag) h.set("ETag", "W/\"d-CgqfKmdylCVXq1NV12r0Qvj2XgE\"");
        h.getString("ETag");
        h.getString("Last-Modified");
        h.contains("Content-Length");
        h.getString("Transfer-Encoding");
        if (!h.contains("Date")) h.set("Date", DATE);
        if (h.getString("Connection") == null) {
            h.set("Connection", "keep-alive");
            h.set("Keep-Alive", "timeout=5");
        }
        return h;
    }
}
