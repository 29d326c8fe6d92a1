package io.express4j;

import static io.express4j.ResSendFileTest.app;
import static io.express4j.ResSendFileTest.get;
import static io.express4j.ResSendFileTest.request;
import static io.express4j.support.FileFixtures.LAST_MODIFIED;
import static io.express4j.support.FileFixtures.fixture;
import static io.express4j.support.FileFixtures.fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Range requests beyond Express's own tests: several ranges answered as {@code multipart/byteranges} (RFC 9110
 * §14.6; Express sends the whole file), coalescing, the cap on the number of parts, If-Range with RFC 9110's strong
 * comparison, and ranges inside send's {@code start}/{@code end} window.
 */
class FileRangeTest {
    private static final String NUMS_ETAG = "W/\"9-18cc820d888\"";
    private static final Pattern BOUNDARY = Pattern.compile("^multipart/byteranges; boundary=([0-9a-f]{32})$");

    static App nums() {
        return app((req, res) -> res.sendFile(fixture("nums.txt")));
    }

    static String boundaryOf(RawResponse r) {
        Matcher m = BOUNDARY.matcher(r.header("Content-Type"));
        assertThat(m.matches()).as("Content-Type %s", r.header("Content-Type")).isTrue();
        return m.group(1);
    }

    /** The exact multipart body for parts of nums.txt: {start, end} pairs. */
    static String multipart(String boundary, String type, long size, String content, long[]... ranges) {
        StringBuilder body = new StringBuilder();
        for (long[] range : ranges) {
            if (body.length() > 0) body.append("\r\n");
            body.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Type: ")
                    .append(type)
                    .append("\r\n")
                    .append("Content-Range: bytes ")
                    .append(range[0])
                    .append('-')
                    .append(range[1])
                    .append('/')
                    .append(size)
                    .append("\r\n\r\n")
                    .append(content, (int) range[0], (int) range[1] + 1);
        }
        return body.append("\r\n--").append(boundary).append("--\r\n").toString();
    }

    @Nested
    @DisplayName("several ranges: multipart/byteranges")
    class Multipart {
        @Test
        @DisplayName("two ranges are a 206 multipart body, byte for byte")
        void twoRanges() {
            RawResponse r = get(nums(), "/", "Range", "bytes=0-1,4-5");
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.reason()).isEqualTo("Partial Content");
            String boundary = boundaryOf(r);
            String expected = "--" + boundary + "\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Range: bytes 0-1/9\r\n"
                    + "\r\n"
                    + "12\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Range: bytes 4-5/9\r\n"
                    + "\r\n"
                    + "56\r\n"
                    + "--" + boundary + "--\r\n";
            assertThat(r.body()).isEqualTo(expected.getBytes(StandardCharsets.US_ASCII));
            assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(expected.length()));
            assertThat(r.chunked()).isFalse();
            assertThat(r.hasHeader("Content-Range")).isFalse();
            assertThat(r.headerNames())
                    .containsExactly(
                            "X-Powered-By",
                            "Accept-Ranges",
                            "Cache-Control",
                            "Last-Modified",
                            "ETag",
                            "Content-Type",
                            "Content-Length",
                            "Date",
                            "Connection",
                            "Keep-Alive");
            assertThat(r.header("ETag")).isEqualTo(NUMS_ETAG);
        }

        @Test
        @DisplayName("each response has a fresh boundary")
        void freshBoundary() {
            App app = nums();
            assertThat(boundaryOf(get(app, "/", "Range", "bytes=0-0,2-2")))
                    .isNotEqualTo(boundaryOf(get(app, "/", "Range", "bytes=0-0,2-2")));
        }

        @Test
        @DisplayName("parts keep the order the client asked for")
        void clientOrder() {
            RawResponse r = get(nums(), "/", "Range", "bytes=6-7,0-1");
            String boundary = boundaryOf(r);
            assertThat(r.text())
                    .isEqualTo(multipart(
                            boundary, "text/plain; charset=utf-8", 9, "123456789", new long[] {6, 7}, new long[] {0, 1
                            }));
        }

        @Test
        @DisplayName("overlapping ranges are coalesced before the parts are made")
        void overlapping() {
            RawResponse r = get(nums(), "/", "Range", "bytes=0-2,1-3,6-,7-7");
            String boundary = boundaryOf(r);
            assertThat(r.text())
                    .isEqualTo(multipart(
                            boundary, "text/plain; charset=utf-8", 9, "123456789", new long[] {0, 3}, new long[] {6, 8
                            }));
        }

        @Test
        @DisplayName("ranges that coalesce into one are a plain 206")
        void adjacentBecomeOne() {
            RawResponse r = get(nums(), "/", "Range", "bytes=0-1,2-3");
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.header("Content-Range")).isEqualTo("bytes 0-3/9");
            assertThat(r.text()).isEqualTo("1234");
        }

        @Test
        @DisplayName("suffix and open ranges mix with plain ones; unsatisfiable members are dropped")
        void mixed() {
            RawResponse r = get(nums(), "/", "Range", "bytes=0-0, -1, 50-60");
            String boundary = boundaryOf(r);
            assertThat(r.text())
                    .isEqualTo(multipart(
                            boundary, "text/plain; charset=utf-8", 9, "123456789", new long[] {0, 0}, new long[] {8, 8
                            }));
        }

        @Test
        @DisplayName("HEAD gets the multipart head and its Content-Length, no body")
        void head() {
            RawResponse get = get(nums(), "/", "Range", "bytes=0-1,4-5");
            RawResponse head = request(nums(), "HEAD", "/", "Range", "bytes=0-1,4-5");
            assertThat(head.status()).isEqualTo(206);
            boundaryOf(head);
            assertThat(head.header("Content-Length")).isEqualTo(get.header("Content-Length"));
            assertThat(head.body()).isEmpty();
        }

        @Test
        @DisplayName("the part Content-Type is the representation's, also when set by the handler")
        void partType() {
            RawResponse r = get(
                    app((req, res) -> res.type("application/x-nums").sendFile(fixture("nums.txt"))),
                    "/",
                    "Range",
                    "bytes=0-0,8-8");
            String boundary = boundaryOf(r);
            assertThat(r.text())
                    .isEqualTo(multipart(
                            boundary, "application/x-nums", 9, "123456789", new long[] {0, 0}, new long[] {8, 8}));
        }

        @Test
        @DisplayName("static files answer multiple ranges the same way")
        void staticFiles() {
            App app = Express.app();
            app.use(Express.staticFiles(fixtures().toString()));
            RawResponse r = get(app, "/todo.txt", "Range", "bytes=0-0,2-3");
            String boundary = boundaryOf(r);
            assertThat(r.text())
                    .isEqualTo(multipart(
                            boundary, "text/plain; charset=utf-8", 11, "- groceries", new long[] {0, 0}, new long[] {
                                2, 3
                            }));
        }

        @Test
        @DisplayName("50 parts are served, 51 are ignored: the whole file with 200")
        void cap(@TempDir Path dir) throws IOException {
            byte[] content = new byte[200];
            for (int i = 0; i < content.length; i++) content[i] = (byte) ('a' + i % 26);
            Files.write(dir.resolve("letters.txt"), content);
            App app = app((req, res) -> res.sendFile("letters.txt", new SendFileOptions().root(dir.toString())));
            RawResponse fifty = get(app, "/", "Range", everyOtherByte(50));
            assertThat(fifty.status()).isEqualTo(206);
            assertThat(fifty.text().split("Content-Range: ", -1)).hasSize(51);
            RawResponse fiftyOne = get(app, "/", "Range", everyOtherByte(51));
            assertThat(fiftyOne.status()).isEqualTo(200);
            assertThat(fiftyOne.hasHeader("Content-Range")).isFalse();
            assertThat(fiftyOne.body()).isEqualTo(content);
        }

        @Test
        @DisplayName("thousands of overlapping ranges coalesce into one and cost nothing")
        void manyOverlapping() {
            StringJoiner ranges = new StringJoiner(",", "bytes=", "");
            for (int i = 0; i < 1000; i++) ranges.add("0-4");
            RawResponse r = get(nums(), "/", "Range", ranges.toString());
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.header("Content-Range")).isEqualTo("bytes 0-4/9");
            assertThat(r.text()).isEqualTo("12345");
        }

        private static String everyOtherByte(int count) {
            StringJoiner ranges = new StringJoiner(",", "bytes=", "");
            for (int i = 0; i < count; i++) ranges.add((2 * i) + "-" + (2 * i));
            return ranges.toString();
        }
    }

    @Nested
    @DisplayName("If-Range (RFC 9110 §13.1.5)")
    class IfRange {
        @Test
        @DisplayName("a date equal to Last-Modified keeps the range")
        void sameDate() {
            RawResponse r = get(nums(), "/", "Range", "bytes=0-1", "If-Range", LAST_MODIFIED);
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.text()).isEqualTo("12");
        }

        @Test
        @DisplayName("a later date is not an exact match: the whole file (send would send the range)")
        void laterDate() {
            RawResponse r = get(nums(), "/", "Range", "bytes=0-1", "If-Range", "Wed, 03 Jan 2024 00:00:00 GMT");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("an earlier date: the whole file")
        void earlierDate() {
            RawResponse r = get(nums(), "/", "Range", "bytes=0-1", "If-Range", "Mon, 01 Jan 2024 00:00:00 GMT");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("an unparseable date: the whole file")
        void badDate() {
            RawResponse r = get(nums(), "/", "Range", "bytes=0-1", "If-Range", "yesterday");
            assertThat(r.status()).isEqualTo(200);
        }

        @Test
        @DisplayName("the file's own weak ETag never matches: strong comparison (send would send the range)")
        void weakETag() {
            RawResponse r = get(nums(), "/", "Range", "bytes=0-1", "If-Range", NUMS_ETAG);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("a strong ETag set by the app matches itself")
        void strongETag() {
            App app = app((req, res) ->
                    res.sendFile(fixture("nums.txt"), new SendFileOptions().headers(Map.of("ETag", "\"v1\""))));
            RawResponse match = get(app, "/", "Range", "bytes=0-1", "If-Range", "\"v1\"");
            assertThat(match.status()).isEqualTo(206);
            assertThat(match.text()).isEqualTo("12");
            RawResponse weak = get(app, "/", "Range", "bytes=0-1", "If-Range", "W/\"v1\"");
            assertThat(weak.status()).isEqualTo(200);
            RawResponse other = get(app, "/", "Range", "bytes=0-1", "If-Range", "\"v2\"");
            assertThat(other.status()).isEqualTo(200);
            RawResponse list = get(app, "/", "Range", "bytes=0-1", "If-Range", "\"v2\", \"v1\"");
            assertThat(list.status())
                    .as("If-Range takes one validator, not a list")
                    .isEqualTo(200);
        }

        @Test
        @DisplayName("a stale If-Range also ignores an unsatisfiable range: 200, not 416")
        void staleUnsatisfiable() {
            RawResponse r = get(nums(), "/", "Range", "bytes=50-60", "If-Range", "\"other\"");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("If-Range without Range changes nothing")
        void withoutRange() {
            RawResponse r = get(nums(), "/", "If-Range", "\"other\"");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }
    }

    @Nested
    @DisplayName("Range header forms")
    class Forms {
        @Test
        @DisplayName("leading spaces before bytes= are accepted (send's /^ *bytes=/)")
        void leadingSpaces() {
            assertThat(get(nums(), "/", "Range", "  bytes=1-2").text()).isEqualTo("23");
        }

        @Test
        @DisplayName("another unit is ignored")
        void otherUnit() {
            RawResponse r = get(nums(), "/", "Range", "items=0-1");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("-0 and inverted ranges are unsatisfiable: 416 with bytes */9")
        void unsatisfiable() {
            for (String range : new String[] {"bytes=-0", "bytes=5-2", "bytes=9-", "bytes=-0,9-9"}) {
                RawResponse r = get(nums(), "/", "Range", range);
                assertThat(r.status()).as(range).isEqualTo(416);
                assertThat(r.header("Content-Range")).isEqualTo("bytes */9");
            }
        }

        @Test
        @DisplayName("a suffix longer than the file is dropped (range-parser), so alone it is unsatisfiable")
        void longSuffix() {
            assertThat(get(nums(), "/", "Range", "bytes=-20").status()).isEqualTo(416);
        }

        @Test
        @DisplayName("a malformed member makes the header invalid: the whole file")
        void malformedMember() {
            RawResponse r = get(nums(), "/", "Range", "bytes=0-1,x-2");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("123456789");
        }

        @Test
        @DisplayName("a conditional 304 wins over Range")
        void notModifiedFirst() {
            RawResponse r = get(nums(), "/", "Range", "bytes=0-1", "If-None-Match", NUMS_ETAG);
            assertThat(r.status()).isEqualTo(304);
        }

        @Test
        @DisplayName("If-Unmodified-Since before Last-Modified: 412 even with Range")
        void preconditionFirst() {
            RawResponse r =
                    get(nums(), "/", "Range", "bytes=0-1", "If-Unmodified-Since", "Mon, 01 Jan 2024 00:00:00 GMT");
            assertThat(r.status()).isEqualTo(412);
        }
    }

    @Nested
    @DisplayName("ranges inside the start/end window")
    class Window {
        App window() {
            return app((req, res) -> res.sendFile(
                    fixture("nums.txt"), new SendFileOptions().start(2).end(6)));
        }

        @Test
        void whole() {
            RawResponse r = get(window(), "/");
            assertThat(r.header("Content-Length")).isEqualTo("5");
            assertThat(r.text()).isEqualTo("34567");
        }

        @Test
        void single() {
            RawResponse r = get(window(), "/", "Range", "bytes=1-2");
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.header("Content-Range")).isEqualTo("bytes 1-2/5");
            assertThat(r.text()).isEqualTo("45");
        }

        @Test
        void multipart() {
            RawResponse r = get(window(), "/", "Range", "bytes=0-0,4-");
            String boundary = boundaryOf(r);
            assertThat(r.text())
                    .isEqualTo(FileRangeTest.multipart(
                            boundary, "text/plain; charset=utf-8", 5, "34567", new long[] {0, 0}, new long[] {4, 4}));
        }

        @Test
        void unsatisfiable() {
            RawResponse r = get(window(), "/", "Range", "bytes=5-");
            assertThat(r.status()).isEqualTo(416);
            assertThat(r.header("Content-Range")).isEqualTo("bytes */5");
        }

        @Test
        void endBeforeStartIsEmpty() {
            RawResponse r = get(
                    app((req, res) -> res.sendFile(
                            fixture("nums.txt"), new SendFileOptions().start(5).end(2))),
                    "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo("0");
            assertThat(r.body()).isEmpty();
        }
    }
}
