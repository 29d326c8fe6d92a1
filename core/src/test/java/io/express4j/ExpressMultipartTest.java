package io.express4j;

import static io.express4j.BodyParserApps.createApp;
import static io.express4j.BodyParserRequests.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Express.multipart()} (beyond Express): fields into {@code req.body()}, files into {@code req.files()}, small
 * files in memory and large ones in temporary files deleted once the response is done, and a 413 or 400 naming
 * the limit or the fault.
 */
class ExpressMultipartTest {
    private static final String BOUNDARY = "----express4jBoundary";
    private static final Map<String, String> MULTIPART =
            Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);

    @TempDir
    Path tempDir;

    /** A multipart body built part by part. */
    private static final class Form {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Form field(String name, String value) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Form file(String name, String filename, String type, byte[] content) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] end() {
            write("--" + BOUNDARY + "--\r\n");
            return out.toByteArray();
        }

        byte[] unfinished() {
            return out.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] bytes(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private List<Path> leftovers() throws java.io.IOException {
        try (var files = Files.list(tempDir)) {
            return files.toList();
        }
    }

    /** An app answering with the fields and a description of each file. */
    private App describing(MultipartOptions options) {
        App app = Express.app();
        app.use(Express.multipart(options.tempDir(tempDir)));
        app.use(BodyParserApps::renderError);
        app.post("/", (req, res) -> {
            List<String> files = new ArrayList<>();
            for (UploadedFile f : req.files()) {
                files.add(f.fieldName() + "=" + f.filename() + " " + f.contentType() + " " + f.size() + " "
                        + (f.inMemory() ? "memory" : "disk") + " "
                        + new String(f.bytes(), StandardCharsets.UTF_8).substring(0, (int) Math.min(5, f.size())));
            }
            Map<String, Object> answer = new java.util.LinkedHashMap<>();
            answer.put("body", req.body());
            answer.put("files", files);
            res.json(answer);
        });
        return app;
    }

    @Test
    void parsesFieldsAndFiles() {
        byte[] body = new Form()
                .field("user", "tobi")
                .field("tag", "a")
                .field("tag", "b")
                .field("name", "论")
                .file("avatar", "me.png", "image/png", "PNGDATA".getBytes(StandardCharsets.UTF_8))
                .end();
        RawResponse r = post(describing(new MultipartOptions()), MULTIPART, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text())
                .isEqualTo("{\"body\":{\"user\":\"tobi\",\"tag\":[\"a\",\"b\"],\"name\":\"论\"},"
                        + "\"files\":[\"avatar=me.png image/png 7 memory PNGDA\"]}");
    }

    @Test
    void largeFilesGoToATemporaryFileDeletedAfterTheResponse() throws Exception {
        List<Path> seen = new CopyOnWriteArrayList<>();
        App app = Express.app();
        app.use(Express.multipart(new MultipartOptions().tempDir(tempDir).inMemoryThreshold("1kb")));
        app.post("/", (req, res) -> {
            UploadedFile f = req.files().get(0);
            seen.add(f.path());
            res.send(f.inMemory() + " " + f.size() + " " + Files.exists(f.path()) + " "
                    + Arrays.equals(f.bytes(), bytes(200_000, 'x')));
        });
        RawResponse r = post(
                app,
                MULTIPART,
                new Form()
                        .file("doc", "big.bin", "application/octet-stream", bytes(200_000, 'x'))
                        .end());
        assertThat(r.text()).isEqualTo("false 200000 true true");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).getParent()).isEqualTo(tempDir);
        for (int i = 0; i < 100 && Files.exists(seen.get(0)); i++) Thread.sleep(20);
        assertThat(seen.get(0)).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFileOverFileSizeIs413() throws Exception {
        RawResponse r = post(
                describing(new MultipartOptions().fileSize("10kb").inMemoryThreshold("1kb")),
                MULTIPART,
                new Form()
                        .file("doc", "big.bin", "application/octet-stream", bytes(50_000, 'x'))
                        .end());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text()).isEqualTo("[file.too.large] file \"doc\" is larger than 10240 bytes");
        for (int i = 0; i < 100 && !leftovers().isEmpty(); i++) Thread.sleep(20);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void tooManyFilesIs413() {
        Form form = new Form();
        for (int i = 0; i < 3; i++) form.file("f" + i, i + ".txt", "text/plain", "x".getBytes());
        RawResponse r = post(describing(new MultipartOptions().files(2)), MULTIPART, form.end());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text()).isEqualTo("[files.too.many] too many files (at most 2)");
    }

    @Test
    void tooManyFieldsIs413() {
        Form form = new Form();
        for (int i = 0; i < 4; i++) form.field("f" + i, "v");
        RawResponse r = post(describing(new MultipartOptions().fields(3)), MULTIPART, form.end());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text()).isEqualTo("[fields.too.many] too many fields (at most 3)");
    }

    @Test
    void aFieldOverFieldSizeIs413() {
        RawResponse r = post(
                describing(new MultipartOptions().fieldSize(100)),
                MULTIPART,
                new Form().field("note", "y".repeat(5000)).end());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text()).isEqualTo("[field.too.large] field \"note\" is larger than 100 bytes");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        RawResponse r = post(
                describing(new MultipartOptions().limit("1kb")),
                MULTIPART,
                new Form().file("doc", "a.txt", "text/plain", bytes(5000, 'z')).end());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text()).isEqualTo("[entity.too.large] request entity too large");
    }

    @Test
    void aMissingBoundaryIs400() {
        RawResponse r = post(
                describing(new MultipartOptions()),
                Map.of("Content-Type", "multipart/form-data"),
                "--x\r\n".getBytes());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text())
                .isEqualTo("[entity.parse.failed] malformed multipart body: no boundary in the Content-Type");
    }

    @Test
    void aPartWithoutContentDispositionIs400() {
        byte[] body = ("--" + BOUNDARY + "\r\nX-Other: 1\r\n\r\nvalue\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        RawResponse r = post(describing(new MultipartOptions()), MULTIPART, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).startsWith("[entity.parse.failed] malformed multipart body: ");
    }

    @Test
    void aBodyCutShortIs400() {
        RawResponse r = post(
                describing(new MultipartOptions()),
                MULTIPART,
                new Form()
                        .field("user", "tobi")
                        .file("f", "a.txt", "text/plain", "abc".getBytes())
                        .unfinished());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).isEqualTo("[entity.parse.failed] unexpected end of multipart body");
    }

    @Test
    void otherTypesAreLeftToOtherParsers() {
        App app = Express.app();
        app.use(Express.multipart());
        app.use(Express.urlencoded());
        app.post("/", BodyParserApps::echo);
        RawResponse r = post(app, Map.of("Content-Type", "application/x-www-form-urlencoded"), "user=tobi".getBytes());
        assertThat(r.text()).isEqualTo("{\"user\":\"tobi\"}");
    }

    @Test
    void aRequestWithoutFilesHasAnEmptyList() {
        App app = createApp(Express.json());
        app.post("/files", (req, res) -> res.json(req.files().size()));
        try (TestServer server = TestServer.serve(app)) {
            assertThat(server.request("POST", "/files", Map.of(), "").text()).isEqualTo("0");
        }
    }
}
