package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Express 5.3.0's test/res.cookie.js and test/res.clearCookie.js header expectations for {@link ExpressCookies},
 * recorded from Express's own {@code res.cookie} with the clock fixed, and the EXPRESS.md section 9 capture.
 */
class ExpressCookiesTest {

    /** The clock of the EXPRESS.md section 9 capture: Tue, 24 Nov 2026 17:10:22 GMT. */
    private static final long NOW = Instant.parse("2026-11-24T17:10:22Z").toEpochMilli();

    private static ExpressCookies.Options opts(CookieAttributes.Builder attrs, Long maxAgeMillis, boolean signed) {
        return new ExpressCookies.Options(attrs.build(), maxAgeMillis, signed);
    }

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @MethodSource
    void expressCookie(Supplier<String> call, String expected, String error) {
        if (error == null) {
            assertThat(call.get()).isEqualTo(expected);
        } else {
            assertThatThrownBy(call::get).hasMessage(error);
        }
    }

    @Test
    void argumentErrors() {
        assertThatThrownBy(() ->
                        ExpressCookies.cookie("name", "tobi", opts(CookieAttributes.builder(), null, true), null, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cookieParser(\"secret\") required for signed cookies");
        assertThatThrownBy(() -> new ExpressCookies.Options(
                        CookieAttributes.builder().maxAge(1L).build(), null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theExpressSpecCookieCapture() {
        // EXPRESS.md section 9, GET /cookie
        assertThat(List.of(
                        ExpressCookies.cookie(
                                "name",
                                "tobi",
                                opts(CookieAttributes.builder().httpOnly(true).sameSite("lax"), 60000L, false),
                                null,
                                NOW),
                        ExpressCookies.cookie("obj", Map.of("a", 1), null, null, NOW),
                        ExpressCookies.clearCookie("old", null, null)))
                .containsExactly(
                        "name=tobi; Max-Age=60; Path=/; Expires=Tue, 24 Nov 2026 17:11:22 GMT; HttpOnly; SameSite=Lax",
                        "obj=j%3A%7B%22a%22%3A1%7D; Path=/",
                        "old=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }

    // ------------------------------------------------------------------ tables

    static Stream<Arguments> expressCookie() {
        return Stream.of(
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie("user", Map.of("name", "tobi"), null, null, NOW),
                        "user=j%3A%7B%22name%22%3A%22tobi%22%7D; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie("name", "tobi", null, null, NOW),
                        "name=tobi; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie("age", 1, null, null, NOW),
                        "age=1; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie("gender", "?", null, null, NOW),
                        "gender=%3F; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "name",
                                "tobi",
                                opts(CookieAttributes.builder().httpOnly(true).secure(true), null, false),
                                null,
                                NOW),
                        "name=tobi; Path=/; HttpOnly; Secure",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "name",
                                "tobi",
                                opts(CookieAttributes.builder().partitioned(true), null, false),
                                null,
                                NOW),
                        "name=tobi; Path=/; Partitioned",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "name", "tobi", opts(CookieAttributes.builder(), 1000L, false), null, NOW),
                        "name=tobi; Max-Age=1; Path=/; Expires=Tue, 24 Nov 2026 17:10:23 GMT",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "name", "tobi", opts(CookieAttributes.builder(), null, false), null, NOW),
                        "name=tobi; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "name",
                                "tobi",
                                opts(CookieAttributes.builder().priority("low"), null, false),
                                null,
                                NOW),
                        "name=tobi; Path=/; Priority=Low",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "name",
                                "tobi",
                                opts(CookieAttributes.builder().priority("medium"), null, false),
                                null,
                                NOW),
                        "name=tobi; Path=/; Priority=Medium",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "name",
                                "tobi",
                                opts(CookieAttributes.builder().priority("high"), null, false),
                                null,
                                NOW),
                        "name=tobi; Path=/; Priority=High",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "name",
                                "tobi",
                                opts(CookieAttributes.builder().priority("foobar"), null, false),
                                null,
                                NOW),
                        null,
                        "option priority is invalid"),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "user",
                                Map.of("name", "tobi"),
                                opts(CookieAttributes.builder(), null, true),
                                "foo bar baz",
                                NOW),
                        "user=s%3Aj%3A%7B%22name%22%3A%22tobi%22%7D.K20xcwmDS%2BPb1rsD95o5Jm5SqWs1KteqdnynnB7jkTE; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "name", "tobi", opts(CookieAttributes.builder(), null, true), "foo bar baz", NOW),
                        "name=s%3Atobi.xJjV2iZ6EI7C8E5kzwbfA9PVLl1ZR07UTnuTgQQ4EnQ; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "name",
                                "tobi",
                                opts(CookieAttributes.builder().httpOnly(true).sameSite("lax"), 60000L, false),
                                null,
                                NOW),
                        "name=tobi; Max-Age=60; Path=/; Expires=Tue, 24 Nov 2026 17:11:22 GMT; HttpOnly; SameSite=Lax",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie("obj", Map.of("a", 1), null, null, NOW),
                        "obj=j%3A%7B%22a%22%3A1%7D; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie("n", null, null, null, NOW),
                        "n=j%3Anull; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie("n", List.of(1, "two"), null, null, NOW),
                        "n=j%3A%5B1%2C%22two%22%5D; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie("n", 1.5, null, null, NOW),
                        "n=1.5; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie("n", 2.0, null, null, NOW), "n=2; Path=/", null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie("n", true, null, null, NOW),
                        "n=true; Path=/",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "n", "v", opts(CookieAttributes.builder(), -1L, false), null, NOW),
                        "n=v; Max-Age=-1; Path=/; Expires=Tue, 24 Nov 2026 17:10:21 GMT",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "n", "v", opts(CookieAttributes.builder().path(""), 1999L, false), null, NOW),
                        "n=v; Max-Age=1; Expires=Tue, 24 Nov 2026 17:10:23 GMT",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.cookie(
                                "n",
                                "v",
                                opts(CookieAttributes.builder().sameSite(true).domain("example.com"), null, false),
                                null,
                                NOW),
                        "n=v; Domain=example.com; Path=/; SameSite=Strict",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.clearCookie("sid", null, null),
                        "sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.clearCookie(
                                "sid", opts(CookieAttributes.builder().path("/admin"), null, false), null),
                        "sid=; Path=/admin; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.clearCookie(
                                "sid", opts(CookieAttributes.builder().path("/admin"), 1000L, false), null),
                        "sid=; Path=/admin; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.clearCookie(
                                "sid",
                                opts(CookieAttributes.builder().path("/admin").expires(NOW), null, false),
                                null),
                        "sid=; Path=/admin; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.clearCookie("old", null, null),
                        "old=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
                        null),
                arguments(
                        (Supplier<String>) () -> ExpressCookies.clearCookie(
                                "sid", opts(CookieAttributes.builder().httpOnly(true), null, true), "s3cr3t"),
                        "sid=s%3A.PIHMlJbhwlJQ9sy4X2l8G7Yj40gNZTitjLamZIFCd30; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly",
                        null));
    }
}
