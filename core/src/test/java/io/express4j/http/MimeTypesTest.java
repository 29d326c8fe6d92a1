package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * mime-types 3.0.2 over mime-db 1.54.0. mime-types-3.0.2-golden.json was produced by the real
 * package on Node 20: lookup of every extension, extension/charset/contentType of every type, and
 * all four functions on a list of probes (the package's own test inputs among them).
 */
class MimeTypesTest {

    private static String str(JsonNode node) {
        return node == null || node.isNull() ? null : node.stringValue();
    }

    @ParameterizedTest
    @CsvSource({
        "js, text/javascript; charset=utf-8",
        "mjs, text/javascript; charset=utf-8",
        "html, text/html; charset=utf-8",
        "json, application/json; charset=utf-8",
        "png, image/png",
        "bin, application/octet-stream",
        "txt, text/plain; charset=utf-8",
        ".html, text/html; charset=utf-8",
        "jade, text/jade; charset=utf-8",
    })
    void expressResTypeExamples(String ext, String contentType) {
        assertThat(MimeTypes.contentType(ext)).isEqualTo(contentType);
    }

    @ParameterizedTest
    @CsvSource({
        "js, text/javascript",
        "mjs, text/javascript",
        "mp4, video/mp4",
        "rtf, application/rtf",
        "xml, application/xml",
        "xsl, application/xml",
        "wav, audio/wav",
        "mp3, audio/mpeg",
        "exe, application/x-msdos-program",
        "asc, application/pgp-keys",
        "mpp, application/dash-patch+xml",
        "ac, application/pkix-attr-cert",
        "bdoc, application/bdoc",
        "wmz, application/x-ms-wmz",
    })
    void extensionConflictsResolvedByMimeScore(String ext, String type) {
        assertThat(MimeTypes.lookup(ext)).isEqualTo(type);
    }

    @Test
    void lookupOfExtensionsAndPaths() {
        assertThat(MimeTypes.lookup("HTML")).isEqualTo("text/html");
        assertThat(MimeTypes.lookup(".Xml")).isEqualTo("application/xml");
        assertThat(MimeTypes.lookup("page.html")).isEqualTo("text/html");
        assertThat(MimeTypes.lookup("path/to/page.html")).isEqualTo("text/html");
        assertThat(MimeTypes.lookup("C:\\path\\to\\PAGE.HTML")).isEqualTo("text/html");
        assertThat(MimeTypes.lookup("/path/to/.config.json")).isEqualTo("application/json");
        assertThat(MimeTypes.lookup("x/y.html/")).isEqualTo("text/html");
        assertThat(MimeTypes.lookup("archive.TAR.GZ")).isEqualTo("application/gzip");
        assertThat(MimeTypes.lookup("/path/to/.json")).isNull();
        assertThat(MimeTypes.lookup("/path/to/json")).isNull();
        assertThat(MimeTypes.lookup("/path/to/file.bogus")).isNull();
        assertThat(MimeTypes.lookup("file.")).isNull();
        assertThat(MimeTypes.lookup("")).isNull();
        assertThat(MimeTypes.lookup(null)).isNull();
    }

    @Test
    void charsetDefaults() {
        assertThat(MimeTypes.charset("application/json")).isEqualTo("UTF-8");
        assertThat(MimeTypes.charset("application/json; foo=bar")).isEqualTo("UTF-8");
        assertThat(MimeTypes.charset("application/JavaScript")).isEqualTo("UTF-8");
        assertThat(MimeTypes.charset("TEXT/HTML")).isEqualTo("UTF-8");
        assertThat(MimeTypes.charset("text/x-bogus")).isEqualTo("UTF-8");
        assertThat(MimeTypes.charset("application/x-bogus")).isNull();
        assertThat(MimeTypes.charset("application/octet-stream")).isNull();
        assertThat(MimeTypes.charset(null)).isNull();
    }

    @Test
    void contentTypeOfTypes() {
        assertThat(MimeTypes.contentType("application/json")).isEqualTo("application/json; charset=utf-8");
        assertThat(MimeTypes.contentType("application/json; foo=bar"))
                .isEqualTo("application/json; foo=bar; charset=utf-8");
        assertThat(MimeTypes.contentType("TEXT/HTML")).isEqualTo("TEXT/HTML; charset=utf-8");
        assertThat(MimeTypes.contentType("text/plain")).isEqualTo("text/plain; charset=utf-8");
        assertThat(MimeTypes.contentType("text/html; charset=iso-8859-1")).isEqualTo("text/html; charset=iso-8859-1");
        assertThat(MimeTypes.contentType("application/x-bogus")).isEqualTo("application/x-bogus");
        assertThat(MimeTypes.contentType("application/xml")).isEqualTo("application/xml");
        assertThat(MimeTypes.contentType("image/png")).isEqualTo("image/png");
        assertThat(MimeTypes.contentType("application/octet-stream")).isEqualTo("application/octet-stream");
        assertThat(MimeTypes.contentType("bogus")).isNull();
        assertThat(MimeTypes.contentType(null)).isNull();
    }

    @Test
    void extensionOfTypes() {
        assertThat(MimeTypes.extension("text/html")).isEqualTo("html");
        assertThat(MimeTypes.extension(" text/html")).isEqualTo("html");
        assertThat(MimeTypes.extension("text/html ")).isEqualTo("html");
        assertThat(MimeTypes.extension("text/HTML; charset=UTF-8")).isEqualTo("html");
        assertThat(MimeTypes.extension("text/html ; charset=UTF-8")).isEqualTo("html");
        assertThat(MimeTypes.extension("application/octet-stream")).isEqualTo("bin");
        assertThat(MimeTypes.extension("application/x-bogus")).isNull();
        assertThat(MimeTypes.extension("bogus")).isNull();
        assertThat(MimeTypes.extension(null)).isNull();
        assertThat(MimeTypes.extensions("text/html")).containsExactly("html", "htm", "shtml");
        assertThat(MimeTypes.extensions("application/x-bogus")).isEmpty();
    }

    @Test
    void scoreComponents() {
        assertThat(MimeTypes.score("application/octet-stream", "apache")).isZero();
        assertThat(MimeTypes.score("text/javascript", "iana")).isEqualTo(900 + 40 + 0 + (1 - 15 / 100.0));
        assertThat(MimeTypes.score("application/vnd.ms-excel", "iana")).isEqualTo(400 + 40 + 1 + (1 - 24 / 100.0));
        assertThat(MimeTypes.score("application/x-foo", null)).isEqualTo(200 + 30 + 1 + (1 - 17 / 100.0));
        assertThat(MimeTypes.score("video/mp4", "apache")).isEqualTo(900 + 20 + 3 + (1 - 9 / 100.0));
    }

    @Test
    void matchesTheRealPackageForTheWholeDatabase() {
        JsonNode golden = Fixtures.json("mime-types-3.0.2-golden.json");

        JsonNode lookups = golden.get("lookups");
        assertThat(lookups.size()).isEqualTo(1239);
        for (Map.Entry<String, JsonNode> e : lookups.properties()) {
            assertThat(MimeTypes.lookup(e.getKey()))
                    .as("lookup(%s)", e.getKey())
                    .isEqualTo(str(e.getValue()));
        }

        JsonNode types = golden.get("types");
        assertThat(types.size()).isEqualTo(2522);
        for (Map.Entry<String, JsonNode> e : types.properties()) {
            String type = e.getKey();
            assertThat(MimeTypes.extension(type))
                    .as("extension(%s)", type)
                    .isEqualTo(str(e.getValue().get(0)));
            assertThat(MimeTypes.charset(type))
                    .as("charset(%s)", type)
                    .isEqualTo(str(e.getValue().get(1)));
            assertThat(MimeTypes.contentType(type))
                    .as("contentType(%s)", type)
                    .isEqualTo(str(e.getValue().get(2)));
        }

        for (Map.Entry<String, JsonNode> e : golden.get("probe").properties()) {
            String p = e.getKey();
            JsonNode v = e.getValue();
            assertThat(MimeTypes.lookup(p)).as("lookup(%s)", p).isEqualTo(str(v.get(0)));
            assertThat(MimeTypes.contentType(p)).as("contentType(%s)", p).isEqualTo(str(v.get(1)));
            assertThat(MimeTypes.charset(p)).as("charset(%s)", p).isEqualTo(str(v.get(2)));
            assertThat(MimeTypes.extension(p)).as("extension(%s)", p).isEqualTo(str(v.get(3)));
        }
    }
}
