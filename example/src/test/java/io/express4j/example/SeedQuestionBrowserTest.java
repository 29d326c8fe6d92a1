package io.express4j.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.express4j.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The /seed page in a real headless Chromium: the table the browser renders holds the response heads it received.
 * Skipped when no Chromium is on the PATH, unless {@code -Dexpress4j.browser.required=true} ({@code .ci/run}
 * installs Debian's Chromium and sets it, so CI cannot skip it silently).
 */
class SeedQuestionBrowserTest {
    /** Express's weak ETag of {"hello":"world"}: 17 bytes (0x11), then SHA-1 in base64, cut to 27 characters. */
    private static final String BODY_ETAG = "W/\"11-IkjuL6CqqtmReFMfkkvwC0sKj04\"";

    private static final String TABLE_AS_JSON = """
            Array.from(document.querySelectorAll('#seed tr'))
                 .map(row => Array.from(row.cells).map(cell => cell.textContent))""";

    @Test
    void theBrowserSeesFiveHeadsForOneBody() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        if (Boolean.getBoolean("express4j.browser.required")) {
            assertThat(chromium).as("chromium on the PATH").isPresent();
        }
        assumeTrue(chromium.isPresent(), "no chromium on the PATH");

        Server server = ExampleApp.create().listen(0);
        try (HeadlessChromium browser = HeadlessChromium.launch(chromium.get(), 1400, 560)) {
            browser.navigate("http://localhost:" + server.port() + "/seed");
            browser.waitUntil(
                    "document.getElementById('state') && document.getElementById('state').textContent !== 'fetching…'",
                    Duration.ofSeconds(60));
            assertThat(browser.evaluate("document.getElementById('state').textContent")
                            .asString())
                    .isEqualTo("done");
            Map<String, List<String>> table = rows(browser.evaluate(TABLE_AS_JSON));

            assertThat(table.get(""))
                    .containsExactly(
                            "res.send(body)",
                            "res.end(body)",
                            "res.write(body); res.end()",
                            "res.json(obj)",
                            "res.sendFile(file)");
            assertThat(table.get("Status")).containsExactly("200", "200", "200", "200", "200");
            assertThat(table.get("Body")).containsOnly(SeedQuestion.BODY);
            assertThat(table.get("Content-Type"))
                    .containsExactly(
                            "text/html; charset=utf-8",
                            "(none)",
                            "(none)",
                            "application/json; charset=utf-8",
                            "application/json; charset=utf-8");
            assertThat(table.get("Content-Length")).containsExactly("17", "17", "(none)", "17", "17");
            assertThat(table.get("Transfer-Encoding"))
                    .containsExactly("(none)", "(none)", "chunked", "(none)", "(none)");
            List<String> etags = table.get("ETag");
            assertThat(etags.subList(0, 4)).containsExactly(BODY_ETAG, "(none)", "(none)", BODY_ETAG);
            // send's file ETag: size and modification time in hex
            assertThat(etags.get(4)).matches("W/\"11-[0-9a-f]+\"");

            assertThat(table.get("Repeat with If-None-Match"))
                    .containsExactly(BODY_ETAG, "*", "*", BODY_ETAG, etags.get(4));
            assertThat(table.get("Repeat status")).containsExactly("304", "200", "200", "304", "304");
            assertThat(table.get("Repeat body bytes")).containsExactly("0", "17", "17", "0", "0");

            Path screenshot = Path.of("target", "seed-question.png");
            Files.createDirectories(screenshot.getParent());
            byte[] png = browser.screenshotPng();
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            Files.write(screenshot, png);
        } finally {
            server.close();
        }
    }

    /** Each table row keyed by its first cell. */
    private static Map<String, List<String>> rows(JsonNode table) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (JsonNode row : table) {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(cell.asString()));
            rows.put(cells.getFirst(), cells.subList(1, cells.size()));
        }
        return rows;
    }
}
