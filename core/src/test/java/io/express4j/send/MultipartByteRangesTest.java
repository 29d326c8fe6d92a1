package io.express4j.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.http.RangeParser.Range;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartByteRangesTest {
    @Test
    void layout() {
        MultipartByteRanges body =
                MultipartByteRanges.of(List.of(new Range(0, 1), new Range(4, 5)), 100, 9, "text/plain");
        String boundary = body.contentType().substring("multipart/byteranges; boundary=".length());
        assertThat(boundary).matches("[0-9a-f]{32}");
        List<FileSegment> segments = body.segments();
        assertThat(segments).hasSize(2);
        assertThat(new String(segments.get(0).prefix(), StandardCharsets.US_ASCII))
                .isEqualTo("--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/9\r\n\r\n");
        assertThat(segments.get(0).position()).isEqualTo(100);
        assertThat(segments.get(0).count()).isEqualTo(2);
        assertThat(new String(segments.get(1).prefix(), StandardCharsets.US_ASCII))
                .isEqualTo("\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 4-5/9\r\n\r\n");
        assertThat(segments.get(1).position()).isEqualTo(104);
        assertThat(new String(body.trailer(), StandardCharsets.US_ASCII)).isEqualTo("\r\n--" + boundary + "--\r\n");
        long total = body.trailer().length;
        for (FileSegment s : segments) total += s.prefix().length + s.count();
        assertThat(body.length()).isEqualTo(total);
    }

    @Test
    void noTypeNoTypeLine() {
        MultipartByteRanges body = MultipartByteRanges.of(List.of(new Range(0, 0), new Range(2, 2)), 0, 3, null);
        assertThat(new String(body.segments().get(0).prefix(), StandardCharsets.US_ASCII))
                .doesNotContain("Content-Type")
                .contains("Content-Range: bytes 0-0/3");
    }

    @Test
    void positionsBeyondTwoGigabytes() {
        long size = 5L << 30;
        MultipartByteRanges body = MultipartByteRanges.of(
                List.of(new Range(0, 0), new Range(size - 2, size - 1)), 0, size, "application/octet-stream");
        assertThat(body.segments().get(1).position()).isEqualTo(size - 2);
        assertThat(new String(body.segments().get(1).prefix(), StandardCharsets.US_ASCII))
                .contains("Content-Range: bytes 5368709118-5368709119/5368709120");
    }
}
