package io.express4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.SendFileOptions;
import io.express4j.support.FileFixtures;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File bodies in process: a local channel has no sendfile, so the file goes out in chunks read as the channel takes
 * them, and the client sees the same bytes as on a socket (a plain body, a range, several ranges, a large file).
 */
class InProcessFileBodyTest {
    private static App app(Path dir) {
        App app = Express.app();
        app.get("/nums", (req, res) -> res.sendFile(FileFixtures.fixture("nums.txt")));
        app.get("/big", (req, res) -> res.sendFile("big.bin", new SendFileOptions().root(dir.toString())));
        app.use("/static", Express.staticFiles(FileFixtures.fixtures().toString()));
        return app;
    }

    private static RawResponse[] bothWays(App app, String path, Map<String, String> headers) {
        try (TestServer local = TestServer.inProcess(app);
                TestServer socket = TestServer.serve(app)) {
            return new RawResponse[] {local.request("GET", path, headers), socket.request("GET", path, headers)};
        }
    }

    @Test
    void aSentFileArrivesWhole() {
        RawResponse res = TestServer.once(app(null), "GET", "/nums");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Content-Length")).isEqualTo("9");
        assertThat(res.text()).isEqualTo("123456789");
    }

    @Test
    void staticFilesAndRangesMatchTheSocket() {
        App app = app(null);
        for (Map<String, String> headers :
                new Map[] {Map.of(), Map.of("Range", "bytes=2-4"), Map.of("Range", "bytes=0-0,5-6")}) {
            RawResponse[] both = bothWays(app, "/static/nums.txt", headers);
            assertThat(both[0].status()).as("%s", headers).isEqualTo(both[1].status());
            assertThat(unbounded(both[0].header("Content-Type"))).isEqualTo(unbounded(both[1].header("Content-Type")));
            assertThat(both[0].header("Content-Range")).isEqualTo(both[1].header("Content-Range"));
            assertThat(unbounded(both[0].text())).as("%s", headers).isEqualTo(unbounded(both[1].text()));
        }
        assertThat(bothWays(app, "/static/nums.txt", Map.of("Range", "bytes=2-4"))[0].text())
                .isEqualTo("345");
    }

    /** A multipart/byteranges boundary is random: compare the rest. */
    private static String unbounded(String text) {
        return text.replaceAll("[0-9a-f]{32}", "BOUNDARY");
    }

    @Test
    void aLargeFileArrivesWhole(@TempDir Path dir) throws Exception {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31 + (i >>> 11));
        Files.write(dir.resolve("big.bin"), big);

        RawResponse res = TestServer.once(app(dir), "GET", "/big");

        assertThat(res.status()).isEqualTo(200);
        assertThat(res.header("Content-Length")).isEqualTo(String.valueOf(big.length));
        assertThat(Arrays.equals(res.body(), big)).as("the body's bytes").isTrue();
    }
}
