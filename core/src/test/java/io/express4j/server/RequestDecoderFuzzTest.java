package io.express4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request decoder of the real pipeline ({@link StrictRequestDecoder}: Netty's decoder plus the head scanner and
 * rules) on arbitrary bytes, in memory. Properties: it never throws; every request it lets through satisfies the
 * framing rules (so no ambiguous message can reach a handler); and the outcome does not depend on how the bytes
 * were split into reads (the scanner keeps its place across reads).
 */
class RequestDecoderFuzzTest {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    private static final ServerConfig CONFIG = new ServerConfig(
            256,
            1024,
            16,
            5_000,
            60_000,
            300_000,
            0,
            0,
            0,
            128,
            64 * 1024,
            10_000,
            0,
            0,
            0,
            0,
            false,
            ServerConfig.DEFAULT_HTTP2_MAX_CONCURRENT_STREAMS,
            ServerConfig.DEFAULT_HTTP2_MAX_RESETS_PER_WINDOW);

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        int split = input.length == 0 ? 0 : (input[0] & 0xff) % input.length;
        byte[] stream = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        List<String> whole = run(stream, stream.length);
        List<String> halves = run(stream, Math.max(1, Math.min(split, stream.length)));
        assertThat(halves).isEqualTo(whole);
        if (stream.length <= 300) assertThat(run(stream, 1)).isEqualTo(whole);
    }

    /** Feeds the bytes in reads of {@code step} bytes (the first read may be shorter) and describes the output. */
    private static List<String> run(byte[] stream, int step) {
        EmbeddedChannel channel = new EmbeddedChannel(new StrictRequestDecoder(CONFIG, METHODS::contains));
        List<String> out = new ArrayList<>();
        try {
            for (int i = 0; i < stream.length; i += step) {
                channel.writeInbound(Unpooled.wrappedBuffer(stream, i, Math.min(step, stream.length - i)));
                drain(channel, out);
            }
            channel.finish();
            drain(channel, out);
        } finally {
            channel.finishAndReleaseAll();
        }
        return out;
    }

    /** Describes each message; body pieces are joined, since how a body is cut into contents depends on reads. */
    private static void drain(EmbeddedChannel channel, List<String> out) {
        Object msg;
        while ((msg = channel.readInbound()) != null) {
            try {
                describe((HttpObject) msg, out);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }

    private static void describe(HttpObject msg, List<String> out) {
        if (msg.decoderResult().isFailure()) {
            out.add("failure " + ConnectionHandler.statusFor(msg.decoderResult().cause()));
            return;
        }
        if (msg instanceof HttpRequest request) {
            checkFraming(request);
            StringBuilder sb = new StringBuilder()
                    .append(request.method())
                    .append(' ')
                    .append(request.uri())
                    .append(' ')
                    .append(request.protocolVersion());
            for (Map.Entry<String, String> h : request.headers()) {
                sb.append('|').append(h.getKey()).append(':').append(h.getValue());
            }
            out.add(sb.toString());
            out.add("body=");
        }
        if (msg instanceof HttpContent content) {
            int last = out.size() - 1;
            out.set(last, out.get(last) + ByteBufUtil.hexDump(content.content()));
            if (msg instanceof LastHttpContent end) {
                StringBuilder sb = new StringBuilder(out.get(last)).append(" last");
                for (Map.Entry<String, String> h : end.trailingHeaders()) {
                    sb.append('|').append(h.getKey()).append(':').append(h.getValue());
                }
                out.set(last, sb.toString());
            }
        }
    }

    /** What {@link RequestHeadScanner} and {@link RequestHeadRules} promise about a request they let through. */
    private static void checkFraming(HttpRequest request) {
        assertThat(METHODS).contains(request.method().name());
        var h = request.headers();
        assertThat(h.getAll(HttpHeaderNames.HOST).size()).isLessThanOrEqualTo(1);
        if (request.protocolVersion().minorVersion() == 1)
            assertThat(h.contains(HttpHeaderNames.HOST)).isTrue();
        assertThat(h.getAll(HttpHeaderNames.CONTENT_LENGTH).size()).isLessThanOrEqualTo(1);
        assertThat(h.contains(HttpHeaderNames.CONTENT_LENGTH) && h.contains(HttpHeaderNames.TRANSFER_ENCODING))
                .isFalse();
        if (h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            assertThat(h.get(HttpHeaderNames.TRANSFER_ENCODING)).isEqualToIgnoringCase("chunked");
        }
        for (Map.Entry<String, String> e : h) {
            assertThat(e.getValue()).doesNotContain("\r", "\n", "\0");
            assertThat(e.getKey()).doesNotContain(" ", "\t", ":");
        }
        String uri = request.uri();
        assertThat(uri.startsWith("/") || uri.equals("*") || uri.regionMatches(true, 0, "http", 0, 4))
                .isTrue();
        assertThat(uri).doesNotContain(" ", "\r", "\n", "\0", "\t");
    }
}
