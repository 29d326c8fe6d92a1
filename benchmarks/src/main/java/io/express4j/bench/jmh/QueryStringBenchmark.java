package io.express4j.bench.jmh;

import io.express4j.http.QueryStrings;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Express 5's "simple" query parser (Node's querystring) on typical query strings. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class QueryStringBenchmark {
    @Param({"empty", "one", "typical", "encoded", "twentyKeys"})
    public String shape;

    private String query;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        query = switch (shape) {
            case "empty" -> "";
            case "one" -> "page=2";
            case "typical" -> "q=hello+world&page=2&sort=desc&tag=java&tag=netty";
            case "encoded" -> "name=J%C3%BCrgen%20M%C3%BCller&city=M%C3%BCnchen&emoji=%F0%9F%98%80&bad=%ZZ";
            case "twentyKeys" -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 20; i++)
                    sb.append(i == 0 ? "" : "&")
                            .append("key")
                            .append(i)
                            .append("=value")
                            .append(i);
                yield sb.toString();
            }
            default -> throw new IllegalArgumentException(shape);
        };
    }

    @Benchmark
    public Map<String, Object> parse() {
        return QueryStrings.parse(query);
    }
}
