package io.express4j;

import static io.express4j.support.Requests.get;
import static io.express4j.support.Requests.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aayushatharva.brotli4j.encoder.Encoder;
import io.express4j.body.Brotli;
import io.express4j.support.RawResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code StaticOptions.precompressed}: static serves {@code file.br} / {@code file.gz} beside {@code file} when the
 * client accepts that coding (q-values as compression 1.8 weighs them, br first on a tie), with the sibling's bytes,
 * length, Last-Modified and ETag, the file's own Content-Type, {@code Content-Encoding} and {@code Vary:
 * Accept-Encoding}; Range and 304 apply to the sibling; {@code compression()} does not compress it again. Off by
 * default, when serve-static's answers are unchanged. Heads are compared line by line (Date and connection lines
 * aside).
 */
class ExpressStaticPrecompressedTest {
    /** 2024-01-02T03:04:05Z for the files, one second later for their siblings. */
    private static final long MTIME = 1_704_164_645_000L;

    private static final long SIBLING_MTIME = MTIME + 1000;
    private static final String LAST_MODIFIED = "Tue, 02 Jan 2024 03:04:05 GMT";
    private static final String SIBLING_LAST_MODIFIED = "Tue, 02 Jan 2024 03:04:06 GMT";
    private static final byte[] TEXT =
            "a line of text that compresses well\n".repeat(40).getBytes(StandardCharsets.UTF_8);
    /** The file's own ETag: 1,440 bytes (5a0) at MTIME. */
    private static final String TEXT_ETAG = "W/\"5a0-18cc820d888\"";

    private static final Set<String> CONNECTION_LINES = Set.of("date", "connection", "keep-alive");

    @TempDir
    Path root;

    private byte[] gz;
    private byte[] br;

    @BeforeEach
    void files() throws IOException {
        gz = gzip(TEXT);
        br = Brotli.AVAILABLE ? Encoder.compress(TEXT) : "not really brotli".getBytes(StandardCharsets.US_ASCII);
        write("app.txt", TEXT, MTIME);
        write("app.txt.gz", gz, SIBLING_MTIME);
        write("app.txt.br", br, SIBLING_MTIME);
        write("gz-only.txt", TEXT, MTIME);
        write("gz-only.txt.gz", gz, SIBLING_MTIME);
        write("plain.txt", TEXT, MTIME);
        write("index.html", "<p>hi</p>".getBytes(StandardCharsets.UTF_8), MTIME);
        write("index.html.br", br, SIBLING_MTIME);
        write("dir.txt", TEXT, MTIME);
        Files.createDirectory(root.resolve("dir.txt.br")); // a directory is no sibling
    }

    private void write(String name, byte[] bytes, long mtime) throws IOException {
        Path file = root.resolve(name);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private App app(StaticOptions options) {
        App app = Express.app();
        app.set("env", "test");
        app.disable("x-powered-by");
        app.use(Express.staticFiles(root.toString(), options));
        return app;
    }

    private App precompressed() {
        return app(new StaticOptions().precompressed(true));
    }

    /** The header lines as {@code Name: value}, in order, without Date, Connection and Keep-Alive. */
    private static List<String> lines(RawResponse r) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> h : r.headerLines()) {
            if (!CONNECTION_LINES.contains(h.getKey().toLowerCase(Locale.ROOT)))
                lines.add(h.getKey() + ": " + h.getValue());
        }
        return lines;
    }

    private static String etag(byte[] bytes, long mtime) {
        return "W/\"" + Long.toHexString(bytes.length) + "-" + Long.toHexString(mtime) + "\"";
    }

    /** The head of a sibling's 200: its coding, length and validators, the file's type. */
    private List<String> siblingHead(String coding, byte[] bytes) {
        return List.of(
                "Vary: Accept-Encoding",
                "Content-Encoding: " + coding,
                "Accept-Ranges: bytes",
                "Cache-Control: public, max-age=0",
                "Last-Modified: " + SIBLING_LAST_MODIFIED,
                "ETag: " + etag(bytes, SIBLING_MTIME),
                "Content-Type: text/plain; charset=utf-8",
                "Content-Length: " + bytes.length);
    }

    private static List<String> fileHead(boolean vary) {
        List<String> lines = new ArrayList<>();
        if (vary) lines.add("Vary: Accept-Encoding");
        lines.addAll(List.of(
                "Accept-Ranges: bytes",
                "Cache-Control: public, max-age=0",
                "Last-Modified: " + LAST_MODIFIED,
                "ETag: " + TEXT_ETAG,
                "Content-Type: text/plain; charset=utf-8",
                "Content-Length: 1440"));
        return lines;
    }

    // ---- off by default ----

    @Test
    void offByDefaultTheFileItselfIsServedWithoutVary() {
        RawResponse r = get(app(new StaticOptions()), "/app.txt", "Accept-Encoding", "gzip, deflate, br");
        assertThat(r.status()).isEqualTo(200);
        assertThat(lines(r)).containsExactlyElementsOf(fileHead(false));
        assertThat(r.body()).isEqualTo(TEXT);
    }

    @Test
    void aSiblingAskedForByNameIsAnOrdinaryFile() {
        RawResponse r = get(precompressed(), "/app.txt.gz", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.header("Content-Type")).isEqualTo("application/gzip");
        assertThat(r.body()).isEqualTo(gz);
    }

    // ---- negotiation ----

    @Test
    void brIsPreferredWhenBothAreAccepted() {
        RawResponse r = get(precompressed(), "/app.txt", "Accept-Encoding", "gzip, deflate, br");
        assertThat(r.status()).isEqualTo(200);
        assertThat(lines(r)).containsExactlyElementsOf(siblingHead("br", br));
        assertThat(r.body()).isEqualTo(br);
    }

    @Test
    void gzipWhenOnlyGzipIsAccepted() {
        RawResponse r = get(precompressed(), "/app.txt", "Accept-Encoding", "gzip");
        assertThat(lines(r)).containsExactlyElementsOf(siblingHead("gzip", gz));
        assertThat(r.body()).isEqualTo(gz);
    }

    @Test
    void aHigherQValueWinsOverTheBrPreference() {
        RawResponse r = get(precompressed(), "/app.txt", "Accept-Encoding", "br;q=0.5, gzip;q=0.8");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.body()).isEqualTo(gz);
    }

    @Test
    void aCodingWithQZeroIsRefused() {
        RawResponse r = get(precompressed(), "/app.txt", "Accept-Encoding", "br;q=0, gzip");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.body()).isEqualTo(gz);
    }

    @Test
    void identityPreferredOverTheCodingsServesTheFile() {
        RawResponse r = get(precompressed(), "/app.txt", "Accept-Encoding", "gzip;q=0.5, identity");
        assertThat(lines(r)).containsExactlyElementsOf(fileHead(true));
        assertThat(r.body()).isEqualTo(TEXT);
    }

    @Test
    void withoutAcceptEncodingTheFileIsServedAndVaryIsSet() {
        RawResponse r = get(precompressed(), "/app.txt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(lines(r)).containsExactlyElementsOf(fileHead(true));
        assertThat(r.body()).isEqualTo(TEXT);
    }

    @Test
    void aStarTakesTheFirstPreferredSibling() {
        RawResponse r = get(precompressed(), "/app.txt", "Accept-Encoding", "*");
        assertThat(r.header("Content-Encoding")).isEqualTo("br");
        assertThat(r.body()).isEqualTo(br);
    }

    @Test
    void onlyExistingSiblingsAreOffered() {
        RawResponse r = get(precompressed(), "/gz-only.txt", "Accept-Encoding", "br");
        assertThat(lines(r)).containsExactlyElementsOf(fileHead(true));
        assertThat(r.body()).isEqualTo(TEXT);
        RawResponse gzipped = get(precompressed(), "/gz-only.txt", "Accept-Encoding", "br, gzip");
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.body()).isEqualTo(gz);
    }

    @Test
    void aFileWithoutSiblingsHasNoVary() {
        RawResponse r = get(precompressed(), "/plain.txt", "Accept-Encoding", "br, gzip");
        assertThat(lines(r)).containsExactlyElementsOf(fileHead(false));
        assertThat(r.body()).isEqualTo(TEXT);
    }

    @Test
    void aDirectoryNamedLikeASiblingIsIgnored() {
        RawResponse r = get(precompressed(), "/dir.txt", "Accept-Encoding", "br");
        assertThat(lines(r)).containsExactlyElementsOf(fileHead(false));
        assertThat(r.body()).isEqualTo(TEXT);
    }

    @Test
    void theConfiguredOrderBreaksTies() {
        App app = app(new StaticOptions().precompressed("gzip", "br"));
        RawResponse r = get(app, "/app.txt", "Accept-Encoding", "br, gzip");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.body()).isEqualTo(gz);
    }

    @Test
    void onlyTheConfiguredCodingsAreServed() {
        App app = app(new StaticOptions().precompressed("gzip"));
        RawResponse r = get(app, "/app.txt", "Accept-Encoding", "br");
        assertThat(lines(r)).containsExactlyElementsOf(fileHead(true));
        assertThat(r.body()).isEqualTo(TEXT);
    }

    @Test
    void garbageQValuesAcceptNoSibling() {
        RawResponse r = get(precompressed(), "/app.txt", "Accept-Encoding", "br;q=x, gzip;q=;;, ;q=2, *;q=-1");
        assertThat(lines(r)).containsExactlyElementsOf(fileHead(true));
        assertThat(r.body()).isEqualTo(TEXT);
    }

    @Test
    void anIndexFileHasItsSiblingToo() {
        RawResponse r = get(precompressed(), "/", "Accept-Encoding", "br");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Encoding")).isEqualTo("br");
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.header("ETag")).isEqualTo(etag(br, SIBLING_MTIME));
        assertThat(r.body()).isEqualTo(br);
    }

    @Test
    void aContentEncodingSetByTheAppKeepsTheFile() {
        App app = Express.app();
        app.disable("x-powered-by");
        app.use((req, res, next) -> {
            res.setHeader("Content-Encoding", "identity");
            next.run();
        });
        app.use(Express.staticFiles(root.toString(), new StaticOptions().precompressed(true)));
        RawResponse r = get(app, "/app.txt", "Accept-Encoding", "br");
        assertThat(r.header("Content-Encoding")).isEqualTo("identity");
        assertThat(r.hasHeader("Vary")).isFalse();
        assertThat(r.body()).isEqualTo(TEXT);
    }

    @Test
    void setHeadersSeesWhatIsSent() {
        List<String> seen = new ArrayList<>();
        App app = app(new StaticOptions().precompressed(true).setHeaders((res, path, stat) -> {
            seen.add(Path.of(path).getFileName() + " " + stat.size() + " " + res.get("Content-Encoding"));
        }));
        get(app, "/app.txt", "Accept-Encoding", "gzip");
        get(app, "/app.txt");
        assertThat(seen).containsExactly("app.txt.gz " + gz.length + " gzip", "app.txt 1440 null");
    }

    @Test
    void onlyBrAndGzipAreKnown() {
        assertThatThrownBy(() -> new StaticOptions().precompressed("br", "zstd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("precompressed: only \"br\" (file.br) and \"gzip\" (file.gz) are served, got zstd");
        assertThat(new StaticOptions().precompressed()).isEmpty();
        assertThat(new StaticOptions().precompressed(true).precompressed()).containsExactly("br", "gzip");
        assertThat(new StaticOptions().precompressed(true).precompressed(false).precompressed())
                .isEmpty();
    }

    // ---- HEAD, Range, conditional GET ----

    @Test
    void headGetsTheSiblingsHead() {
        RawResponse r = head(precompressed(), "/app.txt", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(lines(r)).containsExactlyElementsOf(siblingHead("gzip", gz));
        assertThat(r.body()).isEmpty();
    }

    @Test
    void aRangeAppliesToTheSiblingsBytes() {
        RawResponse r = get(precompressed(), "/app.txt", "Accept-Encoding", "gzip", "Range", "bytes=0-9");
        assertThat(r.status()).isEqualTo(206);
        assertThat(lines(r))
                .containsExactly(
                        "Vary: Accept-Encoding",
                        "Content-Encoding: gzip",
                        "Accept-Ranges: bytes",
                        "Cache-Control: public, max-age=0",
                        "Last-Modified: " + SIBLING_LAST_MODIFIED,
                        "ETag: " + etag(gz, SIBLING_MTIME),
                        "Content-Type: text/plain; charset=utf-8",
                        "Content-Range: bytes 0-9/" + gz.length,
                        "Content-Length: 10");
        assertThat(r.body()).isEqualTo(Arrays.copyOf(gz, 10));
    }

    @Test
    void aRangePastTheSiblingsEndIsUnsatisfiable() {
        RawResponse r = get(precompressed(), "/app.txt", "Accept-Encoding", "gzip", "Range", "bytes=1400-1500");
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.header("Content-Range")).isEqualTo("bytes */" + gz.length);
    }

    @Test
    void theSiblingsEtagMakesA304() {
        String etag = etag(gz, SIBLING_MTIME);
        assertThat(etag).isNotEqualTo(TEXT_ETAG);
        RawResponse r = get(precompressed(), "/app.txt", "Accept-Encoding", "gzip", "If-None-Match", etag);
        assertThat(r.status()).isEqualTo(304);
        // send's 304 drops Content-Encoding, Content-Type and Content-Length; the validators stay
        assertThat(lines(r))
                .containsExactly(
                        "Vary: Accept-Encoding",
                        "Accept-Ranges: bytes",
                        "Cache-Control: public, max-age=0",
                        "Last-Modified: " + SIBLING_LAST_MODIFIED,
                        "ETag: " + etag);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void theFilesEtagDoesNotMatchTheSibling() {
        RawResponse r = get(precompressed(), "/app.txt", "Accept-Encoding", "gzip", "If-None-Match", TEXT_ETAG);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(gz);
        RawResponse identity = get(precompressed(), "/app.txt", "If-None-Match", etag(gz, SIBLING_MTIME));
        assertThat(identity.status()).isEqualTo(200);
        assertThat(identity.body()).isEqualTo(TEXT);
    }

    // ---- under compression() ----

    @Test
    void compressionDoesNotCompressTheSiblingAgain() {
        App app = Express.app();
        app.disable("x-powered-by");
        app.use(Express.compression());
        app.use(Express.staticFiles(root.toString(), new StaticOptions().precompressed(true)));
        RawResponse r = get(app, "/app.txt", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(lines(r)).containsExactlyElementsOf(siblingHead("gzip", gz));
        assertThat(r.body()).isEqualTo(gz);
        assertThat(CompressionTest.decode("gzip", r.body())).isEqualTo(TEXT);
    }

    @Test
    void compressionStillCompressesAFileWithoutSiblings() {
        App app = Express.app();
        app.disable("x-powered-by");
        app.use(Express.compression());
        app.use(Express.staticFiles(root.toString(), new StaticOptions().precompressed(true)));
        RawResponse r = get(app, "/plain.txt", "Accept-Encoding", "gzip");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(CompressionTest.decode("gzip", r.body())).isEqualTo(TEXT);
    }
}
