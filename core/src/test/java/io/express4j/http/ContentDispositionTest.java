package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mirrors npm content-disposition 2.0.1's src/create.spec.ts and src/format.spec.ts (the
 * multipart option and parse.spec.ts are out of scope: Express does not use them), with extra
 * cases, all with the results of the real package, and the Content-Disposition values of Express
 * 5.3.0's test/res.attachment.js and test/res.download.js (create(basename(path))).
 */
class ContentDispositionTest {

    private static Map<String, String> p(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @MethodSource
    void create(Supplier<String> call, String expected, String error) {
        check(call, expected, error);
    }

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @MethodSource
    void formatHeader(Supplier<String> call, String expected, String error) {
        check(call, expected, error);
    }

    @ParameterizedTest(name = "res.attachment({0})")
    @MethodSource
    void expressAttachment(String path, String basename, String expected) {
        if (path != null) {
            assertThat(ContentDisposition.basename(path)).isEqualTo(basename);
        }
        assertThat(ContentDisposition.attachment(path)).isEqualTo(expected);
    }

    @Test
    void theExpressSpecDownloadCapture() {
        // EXPRESS.md section 9, GET /download
        assertThat(ContentDisposition.attachment("report 2024.txt"))
                .isEqualTo("attachment; filename=\"report 2024.txt\"");
    }

    @Test
    void loneSurrogateCannotBeEncoded() {
        assertThatThrownBy(() -> ContentDisposition.format("\ud800.txt", null)).hasMessage("URI malformed");
    }

    private static void check(Supplier<String> call, String expected, String error) {
        if (error == null) {
            assertThat(call.get()).isEqualTo(expected);
        } else {
            assertThatThrownBy(call::get)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(error);
        }
    }

    // ------------------------------------------------------------------ tables

    static Stream<Arguments> create() {
        return Stream.of(
                arguments((Supplier<String>) () -> ContentDisposition.format(null, null), "attachment", null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("plans.pdf", null),
                        "attachment; filename=plans.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("", null),
                        "attachment; filename=\"\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("/path/to/plans.pdf", null),
                        "attachment; filename=\"/path/to/plans.pdf\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\\path\\to\\plans.pdf", null),
                        "attachment; filename=\"\\\\path\\\\to\\\\plans.pdf\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("C:\\path\\to\\plans.pdf", null),
                        "attachment; filename=\"C:\\\\path\\\\to\\\\plans.pdf\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("/path/to/plans.pdf/", null),
                        "attachment; filename=\"/path/to/plans.pdf/\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\\path\\to\\plans.pdf\\", null),
                        "attachment; filename=\"\\\\path\\\\to\\\\plans.pdf\\\\\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("C:\\path\\to\\plans.pdf\\", null),
                        "attachment; filename=\"C:\\\\path\\\\to\\\\plans.pdf\\\\\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("/path/to/plans.pdf///", null),
                        "attachment; filename=\"/path/to/plans.pdf///\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\\path\\to\\plans.pdf\\\\\\", null),
                        "attachment; filename=\"\\\\path\\\\to\\\\plans.pdf\\\\\\\\\\\\\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("C:\\path\\to\\plans.pdf\\\\\\", null),
                        "attachment; filename=\"C:\\\\path\\\\to\\\\plans.pdf\\\\\\\\\\\\\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("the \"plans\".pdf", null),
                        "attachment; filename=\"the \\\"plans\\\".pdf\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\u00abplans\u00bb.pdf", null),
                        "attachment; filename=\"?plans?.pdf\"; filename*=UTF-8''%C2%ABplans%C2%BB.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("the \"plans\" (1\u00b5).pdf", null),
                        "attachment; filename=\"the \\\"plans\\\" (1?).pdf\"; filename*=UTF-8''the%20%22plans%22%20%281%C2%B5%29.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("foo-\u00e4.html", null),
                        "attachment; filename=\"foo-?.html\"; filename*=UTF-8''foo-%C3%A4.html",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\u043f\u043b\u0430\u043d\u044b.pdf", null),
                        "attachment; filename=\"?????.pdf\"; filename*=UTF-8''%D0%BF%D0%BB%D0%B0%D0%BD%D1%8B.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\u00a3 and \u20ac rates.pdf", null),
                        "attachment; filename=\"? and ? rates.pdf\"; filename*=UTF-8''%C2%A3%20and%20%E2%82%AC%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\u20ac rates.pdf", null),
                        "attachment; filename=\"? rates.pdf\"; filename*=UTF-8''%E2%82%AC%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\u20ac'*%().pdf", null),
                        "attachment; filename=\"?'*%().pdf\"; filename*=UTF-8''%E2%82%AC%27%2A%25%28%29.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("the%20plans.pdf", null),
                        "attachment; filename=the%20plans.pdf; filename*=UTF-8''the%2520plans.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\u20ac%20\u00a3.pdf", null),
                        "attachment; filename=\"?%20?.pdf\"; filename*=UTF-8''%E2%82%AC%2520%C2%A3.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\u00a3 and \u20ac rates.pdf", null, false),
                        "attachment; filename*=UTF-8''%C2%A3%20and%20%E2%82%AC%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>)
                                () -> ContentDisposition.format("\u043f\u043b\u0430\u043d\u044b.pdf", null, false),
                        "attachment; filename*=UTF-8''%D0%BF%D0%BB%D0%B0%D0%BD%D1%8B.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\u00a3 rates.pdf", null, false),
                        "attachment; filename*=UTF-8''%C2%A3%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\u00a3 and \u20ac rates.pdf", null, true),
                        "attachment; filename=\"? and ? rates.pdf\"; filename*=UTF-8''%C2%A3%20and%20%E2%82%AC%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\u00a3 rates.pdf", null, true),
                        "attachment; filename=\"? rates.pdf\"; filename*=UTF-8''%C2%A3%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>)
                                () -> ContentDisposition.format("\u00a3 rates.pdf", null, "\u00a3 rates.pdf"),
                        null,
                        "Fallback must be valid US-ASCII: \u00a3 rates.pdf"),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format(
                                "\u00a3 and \u20ac rates.pdf", null, "GBP and EURO rates.pdf"),
                        "attachment; filename=\"GBP and EURO rates.pdf\"; filename*=UTF-8''%C2%A3%20and%20%E2%82%AC%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>)
                                () -> ContentDisposition.format("\"\u00a3 rates\".pdf", null, "GBP rates.pdf"),
                        "attachment; filename=\"GBP rates.pdf\"; filename*=UTF-8''%22%C2%A3%20rates%22.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("plans.pdf", null, "plans.pdf"),
                        "attachment; filename=plans.pdf",
                        null),
                arguments(
                        (Supplier<String>)
                                () -> ContentDisposition.format("\u20ac rates.pdf", null, "/path/to/EURO rates.pdf"),
                        "attachment; filename=\"/path/to/EURO rates.pdf\"; filename*=UTF-8''%E2%82%AC%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>)
                                () -> ContentDisposition.format("\u20ac rates.pdf", null, "\\path\\to\\EURO rates.pdf"),
                        "attachment; filename=\"\\\\path\\\\to\\\\EURO rates.pdf\"; filename*=UTF-8''%E2%82%AC%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>) () ->
                                ContentDisposition.format("\u20ac rates.pdf", null, "C:\\path\\to\\EURO rates.pdf"),
                        "attachment; filename=\"C:\\\\path\\\\to\\\\EURO rates.pdf\"; filename*=UTF-8''%E2%82%AC%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format(null, null, "plans.pdf"),
                        "attachment",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format(null, "invalid;type"),
                        null,
                        "Invalid type: invalid;type"),
                arguments((Supplier<String>) () -> ContentDisposition.format(null, "inline"), "inline", null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("plans.pdf", "inline"),
                        "inline; filename=plans.pdf",
                        null),
                arguments((Supplier<String>) () -> ContentDisposition.format(null, "INLINE"), "INLINE", null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("a\u0000b", null),
                        "attachment; filename=\"a?b\"; filename*=UTF-8''a%00b",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("tab\there", null),
                        "attachment; filename=\"tab?here\"; filename*=UTF-8''tab%09here",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("100%.txt", null),
                        "attachment; filename=100%.txt",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("%zz.txt", null),
                        "attachment; filename=%zz.txt",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("%4.txt", null),
                        "attachment; filename=%4.txt",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("x%41", null),
                        "attachment; filename=x%41; filename*=UTF-8''x%2541",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\ud83d\ude00.png", null),
                        "attachment; filename=\"??.png\"; filename*=UTF-8''%F0%9F%98%80.png",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("report 2024.txt", null),
                        "attachment; filename=\"report 2024.txt\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("user.html", null),
                        "attachment; filename=user.html",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("r\u00e9sum\u00e9.pdf", null),
                        "attachment; filename=\"r?sum?.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("a;b.txt", null),
                        "attachment; filename=\"a;b.txt\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("a,b", null),
                        "attachment; filename=\"a,b\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("\u007f", null),
                        "attachment; filename=\"?\"; filename*=UTF-8''%7F",
                        null),
                arguments((Supplier<String>) () -> ContentDisposition.format("x", ""), "attachment; filename=x", null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("x", "form data"),
                        null,
                        "Invalid type: form data"),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.format("ok", null, "n\u00f8"),
                        null,
                        "Fallback must be valid US-ASCII: n\u00f8"));
    }

    static Stream<Arguments> formatHeader() {
        return Stream.of(
                arguments(
                        (Supplier<String>) () -> ContentDisposition.formatHeader("attachment", null, true),
                        "attachment",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.formatHeader(
                                "attachment", p("filename", "plans.pdf", "foo", "bar"), true),
                        "attachment; filename=plans.pdf; foo=bar",
                        null),
                arguments(
                        (Supplier<String>) () ->
                                ContentDisposition.formatHeader("attachment", p("filename", "the plans.pdf"), true),
                        "attachment; filename=\"the plans.pdf\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.formatHeader("attachment", p("filename", ""), true),
                        "attachment; filename=\"\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.formatHeader(
                                "attachment", p("filename", "the \"plans\" \\.pdf"), true),
                        "attachment; filename=\"the \\\"plans\\\" \\\\.pdf\"",
                        null),
                arguments(
                        (Supplier<String>) () ->
                                ContentDisposition.formatHeader("attachment", p("filename", "\u00a3 rates.pdf"), true),
                        "attachment; filename=\"\u00a3 rates.pdf\"",
                        null),
                arguments(
                        (Supplier<String>) () ->
                                ContentDisposition.formatHeader("attachment", p("filename", "\u20ac rates.pdf"), true),
                        "attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>)
                                () -> ContentDisposition.formatHeader("Attachment", p("Filename", "Plans.pdf"), true),
                        "Attachment; Filename=Plans.pdf",
                        null),
                arguments(
                        (Supplier<String>) () ->
                                ContentDisposition.formatHeader("attachment", p("filename", "\u00a3 rates.pdf"), false),
                        "attachment; filename=\"\u00a3 rates.pdf\"",
                        null),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.formatHeader(
                                "attachment", p("filename*", "UTF-8''%E2%82%AC%20rates.pdf"), false),
                        "attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf",
                        null),
                arguments(
                        (Supplier<String>) () ->
                                ContentDisposition.formatHeader("attachment", p("filename", "\u20ac rates.pdf"), false),
                        null,
                        "Invalid parameter value: \u20ac rates.pdf"),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.formatHeader(null, null, true),
                        null,
                        "Invalid type: undefined"),
                arguments(
                        (Supplier<String>) () -> ContentDisposition.formatHeader("invalid type", null, true),
                        null,
                        "Invalid type: invalid type"),
                arguments(
                        (Supplier<String>)
                                () -> ContentDisposition.formatHeader("attachment", p("file name", "plans.pdf"), true),
                        null,
                        "Invalid parameter name: file name"));
    }

    static Stream<Arguments> expressAttachment() {
        return Stream.of(
                arguments(null, null, "attachment"),
                arguments("/path/to/image.png", "image.png", "attachment; filename=image.png"),
                arguments("/path/to/my report.png", "my report.png", "attachment; filename=\"my report.png\""),
                arguments("", "", "attachment; filename=\"\""),
                arguments(
                        "/locales/\u65e5\u672c\u8a9e.txt",
                        "\u65e5\u672c\u8a9e.txt",
                        "attachment; filename=\"???.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.txt"),
                arguments(
                        "/locales/caf\u00e9.txt",
                        "caf\u00e9.txt",
                        "attachment; filename=\"caf?.txt\"; filename*=UTF-8''caf%C3%A9.txt"),
                arguments("test/fixtures/user.html", "user.html", "attachment; filename=user.html"),
                arguments("document", "document", "attachment; filename=document"),
                arguments("test/fixtures/.name", ".name", "attachment; filename=.name"),
                arguments("fake/../name.txt", "name.txt", "attachment; filename=name.txt"),
                arguments("/", "", "attachment; filename=\"\""),
                arguments("dir/", "dir", "attachment; filename=dir"),
                arguments("a//b//", "b", "attachment; filename=b"),
                arguments("C:\\x\\y.txt", "C:\\x\\y.txt", "attachment; filename=\"C:\\\\x\\\\y.txt\""),
                arguments("report 2024.txt", "report 2024.txt", "attachment; filename=\"report 2024.txt\""));
    }
}
