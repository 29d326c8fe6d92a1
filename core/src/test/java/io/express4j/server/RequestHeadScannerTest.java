package io.express4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte-level head rules alone (the wire behaviour is in HttpFramingTest). */
class RequestHeadScannerTest {

    private static int scan(String head) {
        RequestHeadScanner scanner = new RequestHeadScanner(64, 64, 3);
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            if (!scanner.accept(bytes[i])) return i + 1;
        }
        return -1;
    }

    private static int status(String head) {
        try {
            scan(head);
            return 0;
        } catch (RequestRejection r) {
            return r.status();
        }
    }

    @Test
    void stopsRightAfterTheEmptyLine() {
        String head = "\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n";
        assertThat(scan(head + "BODY")).isEqualTo(head.length());
        assertThat(scan("GET / HTTP/1.1\r\nHost: x\r\n")).isEqualTo(-1);
    }

    @Test
    void countsLinesAndBytesLikeNetty() {
        assertThat(status("GET /" + "a".repeat(64 - 14) + " HTTP/1.1\r\n\r\n")).isZero(); // exactly 64
        assertThat(status("GET /" + "a".repeat(64 - 13) + " HTTP/1.1\r\n\r\n")).isEqualTo(414);
        assertThat(status("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n")).isZero();
        assertThat(status("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n"))
                .isEqualTo(431);
        assertThat(status("GET / HTTP/1.1\r\nA: " + "v".repeat(61) + "\r\n\r\n"))
                .isZero(); // 64 bytes
        assertThat(status("GET / HTTP/1.1\r\nA: " + "v".repeat(62) + "\r\n\r\n"))
                .isEqualTo(431);
    }

    @Test
    void refusesWhatTheRfcCallsInvalid() {
        assertThat(status("GET / HTTP/1.1\r\nA: 1\r\n 2\r\n\r\n")).isEqualTo(400);
        assertThat(status("GET / HTTP/1.1\r\nContent-Length: 1\r\ncontent-LENGTH: 1\r\n\r\n"))
                .isEqualTo(400);
        assertThat(status("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Lengthy: 1\r\n\r\n"))
                .isZero();
        assertThat(status("GET / HTTP/9.1\r\n\r\n")).isEqualTo(505);
        assertThat(status("GET / HTTP/1.1\r\n: v\r\n\r\n")).isEqualTo(400); // fuzz finding: Netty caught it later
    }

    @Test
    void resetStartsAFreshHead() {
        RequestHeadScanner scanner = new RequestHeadScanner(64, 64, 1);
        for (byte b : "GET / HTTP/1.1\r\nA: 1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) scanner.accept(b);
        assertThat(scanner.done()).isTrue();
        assertThatThrownBy(() -> scanner.accept((byte) 'G')).isInstanceOf(IllegalStateException.class);
        scanner.reset();
        assertThat(scanner.started()).isFalse();
        for (byte b : "GET / HTTP/1.1\r\nA: 1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) scanner.accept(b);
        assertThat(scanner.done()).isTrue();
    }
}
