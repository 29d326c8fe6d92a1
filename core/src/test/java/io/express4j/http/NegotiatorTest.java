package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mirrors the test suites of npm negotiator 1.1.0 (test/mediaType.js, charset.js, encoding.js,
 * language.js) and accepts 2.0.0 (test/type.js, charset.js, encoding.js, language.js). The tables
 * are the inputs those suites exercise, with the results the real packages return (recorded by
 * running the suites against the packages), plus extra edge cases evaluated on the same packages.
 * A {@code null} header means the header is absent; {@code null} offers means "no list given".
 * The inputs of the three upstream tests marked skip (duplicate entries) are included with what
 * the package really returns.
 */
class NegotiatorTest {

    /** mime-types lookups of the extensions the accepts tables use (false → null). */
    private static final Map<String, String> MIME = Map.of(
            "html",
            "text/html",
            ".html",
            "text/html",
            "txt",
            "text/plain",
            ".txt",
            "text/plain",
            "png",
            "image/png",
            "text",
            "text/plain",
            "json",
            "application/json");

    private static List<String> l(String... values) {
        return List.of(values);
    }

    @ParameterizedTest(name = "Accept: {0} | offers {1}")
    @MethodSource
    void mediaTypes(String header, List<String> offers, List<String> expected) {
        assertThat(Negotiator.mediaTypes(header, offers)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "Accept-Charset: {0} | offers {1}")
    @MethodSource
    void charsets(String header, List<String> offers, List<String> expected) {
        assertThat(Negotiator.charsets(header, offers)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "Accept-Encoding: {0} | offers {1}")
    @MethodSource
    void encodings(String header, List<String> offers, List<String> expected) {
        assertThat(Negotiator.encodings(header, offers)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "Accept-Encoding: {0} | offers {1} | preferred {2}")
    @MethodSource
    void encodingsPreferred(String header, List<String> offers, List<String> preferred, List<String> expected) {
        assertThat(Negotiator.encodings(header, offers, preferred)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "Accept-Language: {0} | offers {1}")
    @MethodSource
    void languages(String header, List<String> offers, List<String> expected) {
        assertThat(Negotiator.languages(header, offers)).containsExactlyElementsOf(expected);
    }

    /** accepts' no-argument forms return the negotiator list for the header. */
    @ParameterizedTest(name = "accepts.{0}() with {1}")
    @MethodSource
    void acceptsAll(String kind, String header, List<String> expected) {
        List<String> actual = switch (kind) {
            case "types" -> Negotiator.mediaTypes(header, null);
            case "charsets" -> Negotiator.charsets(header, null);
            case "encodings" -> Negotiator.encodings(header, null);
            case "languages" -> Negotiator.languages(header, null);
            default -> throw new IllegalArgumentException(kind);
        };
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** accepts' forms with offers: the best offer as given, null for Express's false. */
    @ParameterizedTest(name = "accepts.{0}({2}) with {1}")
    @MethodSource
    void acceptsOne(String kind, String header, List<String> offers, String expected) {
        String actual = switch (kind) {
            case "types" -> Negotiator.acceptsType(header, offers, MIME::get);
            case "charsets" -> Negotiator.acceptsCharset(header, offers);
            case "encodings" -> Negotiator.acceptsEncoding(header, offers);
            case "languages" -> Negotiator.acceptsLanguage(header, offers);
            default -> throw new IllegalArgumentException(kind);
        };
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void acceptsHelpersNeedOffers() {
        assertThatThrownBy(() -> Negotiator.acceptsEncoding("gzip", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void offersAreReturnedAsSpelledAndListsAreImmutable() {
        List<String> result = Negotiator.mediaTypes("text/html", List.of("TEXT/HTML"));
        assertThat(result).containsExactly("TEXT/HTML");
        assertThatThrownBy(() -> result.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ------------------------------------------------------------------ tables

    static Stream<Arguments> mediaTypes() {
        return Stream.of(
                arguments(null, null, l("*/*")),
                arguments("*/*", null, l("*/*")),
                arguments("application/json", null, l("application/json")),
                arguments("application/json;q=0", null, l()),
                arguments("application/json;q=0.2, text/html", null, l("text/html", "application/json")),
                arguments("text/*", null, l("text/*")),
                arguments(
                        "text/plain, application/json;q=0.5, text/html, */*;q=0.1",
                        null,
                        l("text/plain", "text/html", "application/json", "*/*")),
                arguments(
                        "text/plain, application/json;q=0.5, text/html, text/xml, text/yaml, text/javascript, text/csv, text/css, text/rtf, text/markdown, application/octet-stream;q=0.2, */*;q=0.1",
                        null,
                        l(
                                "text/plain",
                                "text/html",
                                "text/xml",
                                "text/yaml",
                                "text/javascript",
                                "text/csv",
                                "text/css",
                                "text/rtf",
                                "text/markdown",
                                "application/json",
                                "application/octet-stream",
                                "*/*")),
                arguments(null, l("text/html"), l("text/html")),
                arguments(null, l("text/html", "application/json"), l("text/html", "application/json")),
                arguments(null, l("application/json", "text/html"), l("application/json", "text/html")),
                arguments("*/*", l("text/html"), l("text/html")),
                arguments("*/*", l("text/html", "application/json"), l("text/html", "application/json")),
                arguments("*/*", l("application/json", "text/html"), l("application/json", "text/html")),
                arguments("application/json", l("application/JSON"), l("application/JSON")),
                arguments("application/json", l("text/html"), l()),
                arguments("application/json", l("text/html", "application/json"), l("application/json")),
                arguments("application/json;q=0.2, text/html", l("application/json"), l("application/json")),
                arguments(
                        "application/json;q=0.2, text/html",
                        l("application/json", "text/html"),
                        l("text/html", "application/json")),
                arguments(
                        "application/json;q=0.2, text/html",
                        l("text/html", "application/json"),
                        l("text/html", "application/json")),
                arguments("text/*", l("application/json"), l()),
                arguments("text/*", l("application/json", "text/html"), l("text/html")),
                arguments("text/*", l("text/html", "application/json"), l("text/html")),
                arguments("text/*, text/plain;q=0", l("application/json"), l()),
                arguments("text/*, text/plain;q=0", l("application/json", "text/html"), l("text/html")),
                arguments("text/*, text/plain;q=0", l("text/html", "application/json"), l("text/html")),
                arguments(
                        "text/plain, application/json;q=0.5, text/html, */*;q=0.1",
                        l("application/json", "text/plain", "text/html"),
                        l("text/plain", "text/html", "application/json")),
                arguments(
                        "text/plain, application/json;q=0.5, text/html, */*;q=0.1",
                        l("image/jpeg", "text/html"),
                        l("text/html", "image/jpeg")),
                arguments(
                        "text/plain, application/json;q=0.5, text/html, */*;q=0.1",
                        l("image/jpeg", "image/gif"),
                        l("image/jpeg", "image/gif")),
                arguments(
                        "text/plain, application/json;q=0.5, text/html, text/xml, text/yaml, text/javascript, text/csv, text/css, text/rtf, text/markdown, application/octet-stream;q=0.2, */*;q=0.1",
                        l(
                                "text/plain",
                                "text/html",
                                "text/xml",
                                "text/yaml",
                                "text/javascript",
                                "text/csv",
                                "text/css",
                                "text/rtf",
                                "text/markdown",
                                "application/json",
                                "application/octet-stream"),
                        l(
                                "text/plain",
                                "text/html",
                                "text/xml",
                                "text/yaml",
                                "text/javascript",
                                "text/csv",
                                "text/css",
                                "text/rtf",
                                "text/markdown",
                                "application/json",
                                "application/octet-stream")),
                arguments("text/*, text/plain;q=0", null, l("text/*")),
                arguments("text/html;LEVEL=1", null, l("text/html")),
                arguments(
                        "text/html;foo=\"bar,text/css;\";fizz=\"buzz,5\", text/plain",
                        null,
                        l("text/html", "text/plain")),
                arguments("text/html;foo=\"bar\\\"\", application/json", null, l("text/html", "application/json")),
                arguments(null, l("application/json", "text/plain"), l("application/json", "text/plain")),
                arguments("*/*", l("application/json", "text/plain"), l("application/json", "text/plain")),
                arguments(
                        "*/*;q=0.8, text/*, image/*",
                        l(
                                "application/json",
                                "text/html",
                                "text/plain",
                                "text/xml",
                                "application/xml",
                                "image/gif",
                                "image/jpeg",
                                "image/png",
                                "audio/mp3",
                                "application/javascript",
                                "text/javascript"),
                        l(
                                "text/html",
                                "text/plain",
                                "text/xml",
                                "text/javascript",
                                "image/gif",
                                "image/jpeg",
                                "image/png",
                                "application/json",
                                "application/xml",
                                "audio/mp3",
                                "application/javascript")),
                arguments("application/json", l("application/json"), l("application/json")),
                arguments("application/json", l("boom", "application/json"), l("application/json")),
                arguments("application/json;q=0", l("application/json"), l()),
                arguments("application/json;q=0", l("application/json", "text/html", "image/jpeg"), l()),
                arguments(
                        "application/json;q=0.9, text/html;q=0.8, application/json;q=0.7",
                        l("text/html", "application/json"),
                        l("application/json", "text/html")),
                arguments(
                        "application/json, */*;q=0.1",
                        l("text/html", "application/json"),
                        l("application/json", "text/html")),
                arguments(
                        "application/xhtml+xml;profile=\"http://www.wapforum.org/xhtml\"",
                        l("application/xhtml+xml;profile=\"http://www.wapforum.org/xhtml\""),
                        l("application/xhtml+xml;profile=\"http://www.wapforum.org/xhtml\"")),
                arguments("text/*", l("text/html", "application/json", "text/plain"), l("text/html", "text/plain")),
                arguments("text/*, text/html;level", l("text/html"), l("text/html")),
                arguments("text/*, text/plain;q=0", l("text/html", "text/plain"), l("text/html")),
                arguments(
                        "text/*, text/plain;q=0.5",
                        l("text/html", "text/plain", "text/xml"),
                        l("text/html", "text/xml", "text/plain")),
                arguments("text/html;level=1", l("text/html;level=1"), l("text/html;level=1")),
                arguments("text/html;level=1", l("text/html;Level=1"), l("text/html;Level=1")),
                arguments("text/html;level=1", l("text/html;level=2"), l()),
                arguments("text/html;level=1", l("text/html"), l()),
                arguments("text/html;level=1", l("text/html;level=1;foo=bar"), l("text/html;level=1;foo=bar")),
                arguments("text/html;level=1;foo=bar", l("text/html;level=1"), l()),
                arguments("text/html;level=1;foo=bar", l("text/html;level=1;foo=bar"), l("text/html;level=1;foo=bar")),
                arguments("text/html;level=1;foo=bar", l("text/html;foo=bar;level=1"), l("text/html;foo=bar;level=1")),
                arguments(
                        "text/html;level=1;foo=\"bar\"",
                        l("text/html;level=1;foo=bar"),
                        l("text/html;level=1;foo=bar")),
                arguments(
                        "text/html;level=1;foo=\"bar\"",
                        l("text/html;level=1;foo=\"bar\""),
                        l("text/html;level=1;foo=\"bar\"")),
                arguments("text/html;foo=\";level=2;\"", l("text/html;level=2"), l()),
                arguments(
                        "text/html;foo=\";level=2;\"",
                        l("text/html;foo=\";level=2;\""),
                        l("text/html;foo=\";level=2;\"")),
                arguments("text/html;LEVEL=1", l("text/html;level=1"), l("text/html;level=1")),
                arguments("text/html;LEVEL=1", l("text/html;Level=1"), l("text/html;Level=1")),
                arguments("text/html;LEVEL=1;level=2", l("text/html;level=1"), l("text/html;level=1")),
                arguments("text/html;LEVEL=1;level=2", l("text/html;level=2"), l()),
                arguments("text/html;level=2", l("text/html;level=1"), l()),
                arguments(
                        "text/html;level=2, text/html",
                        l("text/html", "text/html;level=2"),
                        l("text/html;level=2", "text/html")),
                arguments(
                        "text/html;level=2;q=0.1, text/html",
                        l("text/html;level=2", "text/html"),
                        l("text/html", "text/html;level=2")),
                arguments("text/html;level=2;q=0.1;level=1", l("text/html;level=1"), l()),
                arguments(
                        "text/html;level=2;q=0.1, text/html;level=1, text/html;q=0.5",
                        l("text/html;level=1", "text/html;level=2", "text/html"),
                        l("text/html;level=1", "text/html", "text/html;level=2")),
                arguments(
                        "text/plain, application/json;q=0.5, text/html, */*;q=0.1",
                        l("text/html", "text/plain"),
                        l("text/plain", "text/html")),
                arguments(
                        "text/plain, application/json;q=0.5, text/html, */*;q=0.1",
                        l("application/json", "text/html", "text/plain"),
                        l("text/plain", "text/html", "application/json")),
                arguments(
                        "text/plain, application/json;q=0.5, text/html, */*;q=0.1",
                        l("image/jpeg", "text/html", "text/plain"),
                        l("text/plain", "text/html", "image/jpeg")),
                arguments("text/html;q=", null, l("text/html")),
                arguments("text/html;q=abc, text/plain", null, l("text/plain")),
                arguments("text/html;q=abc, text/plain", l("text/html", "text/plain"), l("text/plain")),
                arguments("text/html;a=\"x,y\", text/plain;q=0.5", null, l("text/html", "text/plain")),
                arguments(
                        "text/html;a=\"x,y\", text/plain;q=0.5",
                        l("text/plain", "text/html;a=\"x,y\"", "text/html;a=z"),
                        l("text/html;a=\"x,y\"", "text/plain")),
                arguments(
                        "text/html;q=0.5;level=1, text/html",
                        l("text/html;level=1", "text/html"),
                        l("text/html", "text/html;level=1")),
                arguments("TEXT/HTML, Text/Plain;q=0.9", null, l("TEXT/HTML", "Text/Plain")),
                arguments("TEXT/HTML", l("text/html", "Text/HTML"), l("text/html", "Text/HTML")),
                arguments(
                        "text/*;q=0.5, */*;q=0.1, text/plain",
                        l("image/png", "text/plain", "text/html"),
                        l("text/plain", "text/html", "image/png")),
                arguments(",,text/html,,", null, l("text/html")),
                arguments("application/json;q=1e-1, text/html;q=.05", null, l("application/json", "text/html")),
                arguments("text/html;q=Infinity, text/plain", null, l("text/html", "text/plain")),
                arguments("*/*;q=0", l("text/html"), l()),
                arguments("", l("text/html"), l()),
                arguments("", null, l()),
                arguments(" \t", null, l()),
                arguments(
                        "text/html ;  charset = \"utf-8\" , text/plain",
                        l("text/plain", "text/html;charset=UTF-8"),
                        l("text/html;charset=UTF-8", "text/plain")),
                arguments(
                        "text/html;level=*", l("text/html;level=3", "text/html"), l("text/html;level=3", "text/html")),
                arguments("text/html;q=0.8;q=0.1, application/json;q=0.9", null, l("application/json", "text/html")),
                arguments("text", l("text/html"), l()),
                arguments(
                        "text/html, application/*;q=0.2, image/jpeg;q=0.8",
                        l("image/jpeg", "application/json", "text/html", "text/plain"),
                        l("text/html", "image/jpeg", "application/json")),
                arguments("text/html;q=\"0.4\", text/plain;q=0.5", null, l("text/plain", "text/html")),
                arguments("text/html;q=-1, text/plain", null, l("text/plain")));
    }

    static Stream<Arguments> charsets() {
        return Stream.of(
                arguments(null, null, l("*")),
                arguments("*", null, l("*")),
                arguments("*, UTF-8", null, l("*", "UTF-8")),
                arguments("*, UTF-8;q=0", null, l("*")),
                arguments("ISO-8859-1", null, l("ISO-8859-1")),
                arguments("UTF-8;q=0", null, l()),
                arguments("UTF-8, ISO-8859-1", null, l("UTF-8", "ISO-8859-1")),
                arguments("UTF-8;q=0.8, ISO-8859-1", null, l("ISO-8859-1", "UTF-8")),
                arguments("UTF-8;q=0.9, ISO-8859-1;q=0.8, UTF-8;q=0.7", null, l("UTF-8", "ISO-8859-1", "UTF-8")),
                arguments(null, l(), l()),
                arguments(null, l("UTF-8"), l("UTF-8")),
                arguments(null, l("UTF-8", "ISO-8859-1"), l("UTF-8", "ISO-8859-1")),
                arguments("*", l(), l()),
                arguments("*", l("UTF-8"), l("UTF-8")),
                arguments("*", l("UTF-8", "ISO-8859-1"), l("UTF-8", "ISO-8859-1")),
                arguments("*, UTF-8", l("UTF-8"), l("UTF-8")),
                arguments("*, UTF-8", l("UTF-8", "ISO-8859-1"), l("UTF-8", "ISO-8859-1")),
                arguments("*, UTF-8;q=0", l("UTF-8", "ISO-8859-1"), l("ISO-8859-1")),
                arguments("*, UTF-8;q=0", l("UTF-8"), l()),
                arguments("ISO-8859-1", l("ISO-8859-1"), l("ISO-8859-1")),
                arguments("ISO-8859-1", l("UTF-8", "ISO-8859-1"), l("ISO-8859-1")),
                arguments("ISO-8859-1", l("iso-8859-1"), l("iso-8859-1")),
                arguments("ISO-8859-1", l("iso-8859-1", "ISO-8859-1"), l("iso-8859-1", "ISO-8859-1")),
                arguments("ISO-8859-1", l("ISO-8859-1", "iso-8859-1"), l("ISO-8859-1", "iso-8859-1")),
                arguments("ISO-8859-1", l("utf-8"), l()),
                arguments("UTF-8;q=0", l("ISO-8859-1"), l()),
                arguments("UTF-8;q=0", l("UTF-8", "KOI8-R", "ISO-8859-1"), l()),
                arguments("UTF-8;q=0", l("KOI8-R"), l()),
                arguments("UTF-8, ISO-8859-1", l("ISO-8859-1"), l("ISO-8859-1")),
                arguments("UTF-8, ISO-8859-1", l("UTF-8", "KOI8-R", "ISO-8859-1"), l("UTF-8", "ISO-8859-1")),
                arguments("UTF-8, ISO-8859-1", l("KOI8-R"), l()),
                arguments("UTF-8;q=0.8, ISO-8859-1", l("ISO-8859-1"), l("ISO-8859-1")),
                arguments("UTF-8;q=0.8, ISO-8859-1", l("UTF-8", "KOI8-R", "ISO-8859-1"), l("ISO-8859-1", "UTF-8")),
                arguments("UTF-8;q=0.8, ISO-8859-1", l("UTF-8", "KOI8-R"), l("UTF-8")),
                arguments("UTF-8;q=0.9, ISO-8859-1;q=0.8, UTF-8;q=0.7", l("ISO-8859-1"), l("ISO-8859-1")),
                arguments(
                        "UTF-8;q=0.9, ISO-8859-1;q=0.8, UTF-8;q=0.7",
                        l("UTF-8", "ISO-8859-1"),
                        l("UTF-8", "ISO-8859-1")),
                arguments(
                        "UTF-8;q=0.9, ISO-8859-1;q=0.8, UTF-8;q=0.7",
                        l("ISO-8859-1", "UTF-8"),
                        l("UTF-8", "ISO-8859-1")),
                arguments("UTF-8;foo=bar;q=1, ISO-8859-1;q=1", null, l("UTF-8", "ISO-8859-1")),
                arguments("UTF-8;foo=\"bar,baz\", ISO-8859-1", null, l("UTF-8", "ISO-8859-1")),
                arguments("UTF-8;q=0.8, ISO-8859-1", l("KOI8-R"), l()),
                arguments("utf-8;q=0.5, ISO-8859-1", null, l("ISO-8859-1", "utf-8")),
                arguments("utf-8;q=0.5, ISO-8859-1", l("UTF-8", "iso-8859-1", "utf-16"), l("iso-8859-1", "UTF-8")),
                arguments("*;q=0.1, utf-8;q=0", l("utf-8", "latin1"), l("latin1")),
                arguments("", l("utf-8"), l()),
                arguments(",utf-8,,", null, l("utf-8")),
                arguments("UTF-8;q=", l("utf-8"), l("utf-8")));
    }

    static Stream<Arguments> encodings() {
        return Stream.of(
                arguments(null, null, l("identity")),
                arguments("*", null, l("*")),
                arguments("*, gzip", null, l("*", "gzip")),
                arguments("*, gzip;q=0", null, l("*")),
                arguments("*;q=0", null, l()),
                arguments("*;q=0, identity;q=1", null, l("identity")),
                arguments("identity", null, l("identity")),
                arguments("identity;q=0", null, l()),
                arguments("gzip", null, l("gzip", "identity")),
                arguments("gzip, compress;q=0", null, l("gzip", "identity")),
                arguments("gzip, deflate", null, l("gzip", "deflate", "identity")),
                arguments("gzip;q=0.8, deflate", null, l("deflate", "gzip", "identity")),
                arguments("gzip;q=0.8, identity;q=0.5, *;q=0.3", null, l("gzip", "identity", "*")),
                arguments(null, l(), l()),
                arguments(null, l("identity"), l("identity")),
                arguments(null, l("gzip"), l()),
                arguments("*", l(), l()),
                arguments("*", l("identity"), l("identity")),
                arguments("*", l("gzip"), l("gzip")),
                arguments("*", l("gzip", "identity"), l("gzip", "identity")),
                arguments("*, gzip", l("identity"), l("identity")),
                arguments("*, gzip", l("gzip"), l("gzip")),
                arguments("*, gzip", l("compress", "gzip"), l("gzip", "compress")),
                arguments("*, gzip;q=0", l("identity"), l("identity")),
                arguments("*, gzip;q=0", l("gzip"), l()),
                arguments("*, gzip;q=0", l("gzip", "compress"), l("compress")),
                arguments("*;q=0", l(), l()),
                arguments("*;q=0", l("identity"), l()),
                arguments("*;q=0", l("gzip"), l()),
                arguments("*;q=0, identity;q=1", l(), l()),
                arguments("*;q=0, identity;q=1", l("identity"), l("identity")),
                arguments("*;q=0, identity;q=1", l("gzip"), l()),
                arguments("identity", l(), l()),
                arguments("identity", l("identity"), l("identity")),
                arguments("identity", l("gzip"), l()),
                arguments("identity;q=0", l(), l()),
                arguments("identity;q=0", l("identity"), l()),
                arguments("identity;q=0", l("gzip"), l()),
                arguments("gzip", l(), l()),
                arguments("gzip", l("gzip"), l("gzip")),
                arguments("gzip", l("identity", "gzip"), l("gzip", "identity")),
                arguments("gzip", l("identity"), l("identity")),
                arguments("gzip, compress;q=0", l("compress"), l()),
                arguments("gzip, compress;q=0", l("deflate", "compress"), l()),
                arguments("gzip, compress;q=0", l("gzip", "compress"), l("gzip")),
                arguments("gzip, deflate", l("deflate", "compress"), l("deflate")),
                arguments("gzip;q=0.8, deflate", l("gzip"), l("gzip")),
                arguments("gzip;q=0.8, deflate", l("deflate"), l("deflate")),
                arguments("gzip;q=0.8, deflate", l("deflate", "gzip"), l("deflate", "gzip")),
                arguments("gzip;q=0.8, identity;q=0.5, *;q=0.3", l("gzip"), l("gzip")),
                arguments("gzip;q=0.8, identity;q=0.5, *;q=0.3", l("compress", "identity"), l("identity", "compress")),
                arguments("gzip;foo=bar;q=1, deflate;q=1", null, l("gzip", "deflate", "identity")),
                arguments("gzip;foo=\"bar,baz\", deflate", null, l("gzip", "deflate", "identity")),
                arguments("gzip", l("GZIP"), l("GZIP")),
                arguments("gzip", l("gzip", "GZIP"), l("gzip", "GZIP")),
                arguments("gzip", l("GZIP", "gzip"), l("GZIP", "gzip")),
                arguments("gzip", l("gzip", "identity"), l("gzip", "identity")),
                arguments("gzip, deflate", l("gzip"), l("gzip")),
                arguments("gzip, deflate", l("gzip", "identity"), l("gzip", "identity")),
                arguments("gzip, deflate", l("deflate", "gzip"), l("gzip", "deflate")),
                arguments("gzip, deflate", l("identity"), l("identity")),
                arguments(
                        "gzip;q=0.8, identity;q=0.5, *;q=0.3",
                        l("identity", "gzip", "compress"),
                        l("gzip", "identity", "compress")),
                arguments("gzip;q=0.5, br", l("identity", "gzip", "br"), l("br", "gzip", "identity")),
                arguments("gzip;q=0.5, br", null, l("br", "gzip", "identity")),
                arguments("gzip;q=0", null, l("identity")),
                arguments("*;q=0.2, gzip", l("identity", "deflate"), l("identity", "deflate")),
                arguments("", l("identity"), l("identity")),
                arguments("", l("gzip"), l()),
                arguments(null, l("gzip", "identity"), l("identity")),
                arguments("gzip;q=0.3, deflate;q=0", null, l("gzip", "identity")),
                arguments("identity;q=0, *", l("identity", "br"), l("br")),
                arguments("GZIP", l("gzip"), l("gzip")),
                arguments("gzip;q=0, deflate;q=0.4", l("identity", "deflate"), l("deflate", "identity")));
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                arguments(null, null, l("*")),
                arguments("*", null, l("*")),
                arguments("*, en", null, l("*", "en")),
                arguments("*, en;q=0", null, l("*")),
                arguments("*;q=0.8, en, es", null, l("en", "es", "*")),
                arguments("en", null, l("en")),
                arguments("en;q=0", null, l()),
                arguments("en;q=0.8, es", null, l("es", "en")),
                arguments("en;q=0.9, es;q=0.8, en;q=0.7", null, l("en", "es", "en")),
                arguments("en-US, en;q=0.8", null, l("en-US", "en")),
                arguments("en-US, en-GB", null, l("en-US", "en-GB")),
                arguments("en-US;q=0.8, es", null, l("es", "en-US")),
                arguments(
                        "nl;q=0.5, fr, de, en, it, es, pt, no, se, fi, ro",
                        null,
                        l("fr", "de", "en", "it", "es", "pt", "no", "se", "fi", "ro", "nl")),
                arguments(null, l(), l()),
                arguments(null, l("en"), l("en")),
                arguments(null, l("es", "en"), l("es", "en")),
                arguments("*", l(), l()),
                arguments("*", l("en"), l("en")),
                arguments("*", l("es", "en"), l("es", "en")),
                arguments("*, en", l(), l()),
                arguments("*, en", l("en"), l("en")),
                arguments("*, en", l("es", "en"), l("en", "es")),
                arguments("*, en;q=0", l(), l()),
                arguments("*, en;q=0", l("en"), l()),
                arguments("*, en;q=0", l("es", "en"), l("es")),
                arguments("*;q=0.8, en, es", l("en", "nl"), l("en", "nl")),
                arguments("*;q=0.8, en, es", l("ro", "nl"), l("ro", "nl")),
                arguments("en", l(), l()),
                arguments("en", l("en"), l("en")),
                arguments("en", l("es", "en"), l("en")),
                arguments("en", l("en-US"), l("en-US")),
                arguments("en", l("en-US", "en"), l("en", "en-US")),
                arguments("en", l("en", "en-US"), l("en", "en-US")),
                arguments("en;q=0", l(), l()),
                arguments("en;q=0", l("es", "en"), l()),
                arguments("en;q=0.8, es", l(), l()),
                arguments("en;q=0.8, es", l("en"), l("en")),
                arguments("en;q=0.8, es", l("en", "es"), l("es", "en")),
                arguments("en;q=0.9, es;q=0.8, en;q=0.7", l("es"), l("es")),
                arguments("en;q=0.9, es;q=0.8, en;q=0.7", l("en", "es"), l("en", "es")),
                arguments("en;q=0.9, es;q=0.8, en;q=0.7", l("es", "en"), l("en", "es")),
                arguments("en-US, en;q=0.8", l("en", "en-US"), l("en-US", "en")),
                arguments("en-US, en;q=0.8", l("en-GB", "en-US"), l("en-US", "en-GB")),
                arguments("en-US, en;q=0.8", l("en-GB", "es"), l("en-GB")),
                arguments("en-US, en-GB", l("en-US", "en-GB"), l("en-US", "en-GB")),
                arguments("en-US, en-GB", l("en-GB", "en-US"), l("en-US", "en-GB")),
                arguments("en-US;q=0.8, es", l("es", "en-US"), l("es", "en-US")),
                arguments("en-US;q=0.8, es", l("en-US", "es"), l("es", "en-US")),
                arguments("en-US;q=0.8, es", l("en-US", "en"), l("en-US", "en")),
                arguments("nl;q=0.5, fr, de, en, it, es, pt, no, se, fi, ro", l("nl", "fr"), l("fr", "nl")),
                arguments("en-US;foo=bar;q=1, en-GB;q=1", null, l("en-US", "en-GB")),
                arguments("en-US;foo=\"bar,baz\", en-GB", null, l("en-US", "en-GB")),
                arguments(
                        "*;q=0.8, en, es",
                        l("fr", "de", "en", "it", "es", "pt", "no", "se", "fi", "ro", "nl"),
                        l("en", "es", "fr", "de", "it", "pt", "no", "se", "fi", "ro", "nl")),
                arguments("en", l("en", "es"), l("en")),
                arguments("en;q=0", l("en"), l()),
                arguments("en;q=0", l("en", "es"), l()),
                arguments("en;q=0.8, es", l("es", "en"), l("es", "en")),
                arguments("en-US, en;q=0.8", l("en-us", "EN"), l("en-us", "EN")),
                arguments("en-US, en;q=0.8", l("en-US", "en"), l("en-US", "en")),
                arguments("en-US, en;q=0.8", l("en-GB", "en-US", "en"), l("en-US", "en", "en-GB")),
                arguments("en-US;q=0.8, es", l("en", "es"), l("es", "en")),
                arguments("en-US;q=0.8, es", l("en", "es", "en-US"), l("es", "en-US", "en")),
                arguments(
                        "nl;q=0.5, fr, de, en, it, es, pt, no, se, fi, ro",
                        l("fr", "de", "en", "it", "es", "pt", "no", "se", "fi", "ro", "nl"),
                        l("fr", "de", "en", "it", "es", "pt", "no", "se", "fi", "ro", "nl")),
                arguments("en-US, en;q=0.8, fr", l("en", "en-gb", "fr-CA", "FR"), l("FR", "fr-CA", "en", "en-gb")),
                arguments("en", l("en-US", "en-GB"), l("en-US", "en-GB")),
                arguments("*;q=0.1, de", l("fr", "de"), l("de", "fr")),
                arguments("en-US;q=0.5", l("en"), l("en")),
                arguments("en-US;q=0.5, en;q=0.9", l("en-US", "en-GB"), l("en-GB", "en-US")),
                arguments("EN-us", null, l("EN-us")),
                arguments("", l("en"), l()),
                arguments("zh-Hant-TW, zh;q=0.5", l("zh", "zh-Hant", "zh-Hant-TW"), l("zh-Hant-TW", "zh", "zh-Hant")),
                arguments("en;q=0.9, es;q=0.8, en;q=0.7", l("en"), l("en")));
    }

    static Stream<Arguments> encodingsPreferred() {
        return Stream.of(
                arguments("gzip, deflate", l("gzip", "deflate"), l("deflate"), l("deflate", "gzip")),
                arguments("gzip, deflate", l("deflate", "gzip"), l("deflate"), l("deflate", "gzip")),
                arguments("gzip, deflate", l("gzip", "deflate"), l("gzip"), l("gzip", "deflate")),
                arguments("gzip, deflate", l("deflate", "gzip"), l("gzip"), l("gzip", "deflate")),
                arguments("gzip, deflate", l("gzip"), l("gzip"), l("gzip")),
                arguments("gzip;q=0.8, identity;q=0.5, *;q=0.3", l("gzip", "deflate"), l("gzip"), l("gzip", "deflate")),
                arguments("gzip;q=0.8, identity;q=0.5, *;q=0.3", l("deflate", "gzip"), l("gzip"), l("gzip", "deflate")),
                arguments("gzip;q=0.8, identity;q=0.5, *;q=0.3", l("gzip"), l("gzip"), l("gzip")),
                arguments("gzip, br", null, l("br"), l("br", "gzip", "identity")),
                arguments("gzip, deflate, br", l("gzip", "br", "deflate"), l("br", "gzip"), l("br", "gzip", "deflate")),
                arguments("gzip;q=0.8, br;q=0.8, identity", null, l("gzip"), l("identity", "gzip", "br")));
    }

    static Stream<Arguments> acceptsAll() {
        return Stream.of(
                arguments("charsets", "utf-8, iso-8859-1;q=0.2, utf-7;q=0.5", l("utf-8", "utf-7", "iso-8859-1")),
                arguments("charsets", null, l("*")),
                arguments("charsets", "", l()),
                arguments("encodings", "gzip, compress;q=0.2", l("gzip", "compress", "identity")),
                arguments("encodings", null, l("identity")),
                arguments("encodings", "", l("identity")),
                arguments("languages", "en;q=0.8, es, pt", l("es", "pt", "en")),
                arguments("languages", null, l("*")),
                arguments("languages", "", l()),
                arguments(
                        "types",
                        "application/*;q=0.2, image/jpeg;q=0.8, text/html, text/plain",
                        l("text/html", "text/plain", "image/jpeg", "application/*")),
                arguments("types", null, l("*/*")),
                arguments("types", "", l()));
    }

    static Stream<Arguments> acceptsOne() {
        return Stream.of(
                arguments("charsets", "utf-8, iso-8859-1;q=0.2, utf-7;q=0.5", l("utf-7", "utf-8"), "utf-8"),
                arguments("charsets", "utf-8, iso-8859-1;q=0.2, utf-7;q=0.5", l("utf-16"), null),
                arguments("charsets", null, l("utf-7", "utf-8"), "utf-7"),
                arguments("encodings", "gzip, compress;q=0.2", l("gzip", "compress"), "gzip"),
                arguments("encodings", null, l("gzip", "deflate", "identity"), "identity"),
                arguments("encodings", null, l("gzip", "deflate"), null),
                arguments("encodings", "", l("gzip", "deflate", "identity"), "identity"),
                arguments("encodings", "", l("gzip", "deflate"), null),
                arguments("encodings", "gzip, compress;q=0.2", l("compress", "gzip"), "gzip"),
                arguments("languages", "en;q=0.8, es, pt", l("es", "en"), "es"),
                arguments("languages", "en;q=0.8, es, pt", l("fr", "au"), null),
                arguments("languages", null, l("es", "en"), "es"),
                arguments(
                        "types",
                        "application/*;q=0.2, image/jpeg;q=0.8, text/html, text/plain",
                        l("image/png", "image/tiff"),
                        null),
                arguments("types", null, l("text/html", "text/plain", "image/jpeg", "application/*"), "text/html"),
                arguments("types", "text/plain, text/html", l("html"), "html"),
                arguments("types", "text/plain, text/html", l(".html"), ".html"),
                arguments("types", "text/plain, text/html", l("txt"), "txt"),
                arguments("types", "text/plain, text/html", l(".txt"), ".txt"),
                arguments("types", "text/plain, text/html", l("png"), null),
                arguments("types", "text/plain, text/html", l("bogus"), null),
                arguments("types", "text/plain, text/html", l("png", "text", "html"), "text"),
                arguments("types", "text/plain, text/html", l("png", "html"), "html"),
                arguments("types", "text/plain, text/html", l("bogus", "html"), "html"),
                arguments("types", "text/plain, text/html", l("text/html"), "text/html"),
                arguments("types", "text/plain, text/html", l("text/plain"), "text/plain"),
                arguments("types", "application/json, */*", l("text/html"), "text/html"),
                arguments("types", "application/json, */*", l("text/plain"), "text/plain"),
                arguments("types", "application/json, */*", l("image/png"), "image/png"),
                arguments("types", "application/json, text/*", l("text/html"), "text/html"),
                arguments("types", "application/json, text/*", l("text/plain"), "text/plain"),
                arguments("types", "application/json, text/*", l("image/png"), null),
                arguments("types", "text/html", l("json", "html"), "html"),
                arguments("types", null, l("json", "html"), "json"),
                arguments("types", "", l("json", "html"), "json"),
                arguments("types", "application/json, text/html", l("html", "application/json"), "application/json"),
                arguments("types", "image/*", l("bogus", "png"), "png"),
                arguments("types", "text/plain", l("text", "txt"), "text"),
                arguments("types", "text/*;q=0", l("html"), null),
                arguments("encodings", null, l("gzip"), null),
                arguments("encodings", null, l("gzip", "identity"), "identity"),
                arguments("encodings", "gzip, deflate", l("deflate", "gzip"), "gzip"),
                arguments("charsets", "", l("utf-8"), null),
                arguments("languages", "en;q=0.8, es", l("en", "es"), "es"));
    }
}
