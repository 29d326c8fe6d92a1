package io.express4j.bench.jmh;

import io.express4j.http.ETags;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Express's default weak ETag (SHA-1, base64) of a 13 B, 1 KiB and 64 KiB body, on a warmed-up thread. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ETagBenchmark {
    @Param({"13", "1024", "65536"})
    public int size;

    private byte[] body;

    @Setup
    public void setUp() {
        body = new byte[size];
        new Random(42).nextBytes(body);
    }

    @Benchmark
    public String weak() {
        return ETags.generate(body, true);
    }
}
