package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.RawResponse;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * helmet 8.3.0's test suite (test/*.test.ts at 15250cf), through {@code Express.helmet(HelmetOptions)}: the
 * standalone middlewares' cases run as helmet with that one option. The {@code check} helper is helmet's: the server
 * sets {@code X-Powered-By: Helmet test}, runs the middleware, and answers {@code Hello world!} (or 500 with the
 * error).
 *
 * <p>Not ported, and why: the legacy option aliases ({@code hsts}, {@code frameguard}, …) and their conflict errors,
 * the standalone exports and "exposes standalone middleware" (express4j has one factory with typed options); the
 * five "logs a warning when passing options to …" cases and "errors when {@code use}d directly" (typed options
 * make both impossible); the non-array iterables, inherited-property and {@code Object.create(null)} variants; the
 * cases giving a wrong JavaScript type (numbers, booleans, {@code new String(…)}, BigInt, NaN/Infinity and
 * fractional HSTS max-ages, {@code maxage}/{@code includeSubdomains} misspellings, falsy-but-not-null CSP values
 * other than a null list element) — Java's types rule them out; JavaScript's null-vs-undefined option distinction
 * (a null string option here means helmet's default); project-setups and source-files (packaging checks of the
 * npm package). getDefaultDirectives is ported as the defaults the header carries.
 */
class HelmetTest {
    private static final String DEFAULT_CSP = "default-src 'self';base-uri 'self';font-src 'self' https: data:;"
            + "form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';"
            + "script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests";

    /** helmet's test/helpers.ts check(): headers expected (null = absent) on a 200 "Hello world!". */
    private static RawResponse check(Middleware helmet, Map<String, String> expected) {
        App app = Express.app();
        app.disable("x-powered-by");
        app.use((req, res, next) -> {
            res.setHeader("X-Powered-By", "Helmet test");
            next.run();
        });
        app.use(helmet);
        app.use((req, res) -> res.end("Hello world!"));
        app.use((err, req, res, next) -> {
            res.statusCode(500);
            res.end("Error: " + err.getMessage());
        });
        RawResponse r = get(app, "/");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("Hello world!");
        expected.forEach((name, value) -> {
            if (value == null)
                assertThat(r.hasHeader(name)).as(name + " should not be set").isFalse();
            else assertThat(r.header(name)).as(name).isEqualTo(value);
        });
        return r;
    }

    private static RawResponse check(HelmetOptions options, String name, String value) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(name, value);
        return check(Express.helmet(options), expected);
    }

    private static Set<String> cspDirectives(HelmetOptions options) {
        RawResponse r = check(options, "X-Powered-By", null);
        return new HashSet<>(Arrays.asList(r.header("Content-Security-Policy").split(";", -1)));
    }

    private static Map<String, List<?>> directives(Object... pairs) {
        Map<String, List<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], (List<?>) pairs[i + 1]);
        return map;
    }

    private static HelmetOptions csp(boolean useDefaults, Map<String, List<?>> directives) {
        return new HelmetOptions().contentSecurityPolicy(directives).contentSecurityPolicyUseDefaults(useDefaults);
    }

    private static void assertSetupFails(HelmetOptions options, String messageRegex) {
        assertThatThrownBy(() -> Express.helmet(options))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .matches(messageRegex);
    }

    // ---- index.test.ts ----

    @Test
    void includesAllMiddlewareExceptCoepWithTheirDefaults() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("content-security-policy", DEFAULT_CSP);
        expected.put("cross-origin-embedder-policy", null);
        expected.put("cross-origin-opener-policy", "same-origin");
        expected.put("cross-origin-resource-policy", "same-origin");
        expected.put("origin-agent-cluster", "?1");
        expected.put("referrer-policy", "no-referrer");
        expected.put("strict-transport-security", "max-age=31536000; includeSubDomains");
        expected.put("x-content-type-options", "nosniff");
        expected.put("x-dns-prefetch-control", "off");
        expected.put("x-download-options", "noopen");
        expected.put("x-frame-options", "SAMEORIGIN");
        expected.put("x-permitted-cross-domain-policies", "none");
        expected.put("x-powered-by", null);
        expected.put("x-xss-protection", "0");
        check(Express.helmet(), expected);
        check(Express.helmet(new HelmetOptions()), expected);
    }

    @Test
    void theWholeHeadInHelmetsOrder() {
        App app = Express.app();
        app.use(Express.helmet());
        app.get("/", (req, res) -> res.send("hi"));
        // captured from Express 5.1.0 + helmet 8.3.0 (Date normalised by RawResponse.head)
        assertThat(get(app, "/").head())
                .isEqualTo("HTTP/1.1 200 OK\n"
                        + "Content-Security-Policy: " + DEFAULT_CSP + "\n"
                        + "Cross-Origin-Opener-Policy: same-origin\n"
                        + "Cross-Origin-Resource-Policy: same-origin\n"
                        + "Origin-Agent-Cluster: ?1\n"
                        + "Referrer-Policy: no-referrer\n"
                        + "Strict-Transport-Security: max-age=31536000; includeSubDomains\n"
                        + "X-Content-Type-Options: nosniff\n"
                        + "X-DNS-Prefetch-Control: off\n"
                        + "X-Download-Options: noopen\n"
                        + "X-Frame-Options: SAMEORIGIN\n"
                        + "X-Permitted-Cross-Domain-Policies: none\n"
                        + "X-XSS-Protection: 0\n"
                        + "Content-Type: text/html; charset=utf-8\n"
                        + "Content-Length: 2\n"
                        + "ETag: W/\"2-witfkXg0JglCjW9RssWvTAveakI\"\n"
                        + "Date: <date>\n"
                        + "Connection: keep-alive\n"
                        + "Keep-Alive: timeout=5\n");
    }

    @Test
    void individualMiddlewaresCanBeDisabled() {
        check(new HelmetOptions().contentSecurityPolicy(false), "content-security-policy", null);
        check(new HelmetOptions().xDnsPrefetchControl(false), "x-dns-prefetch-control", null);
    }

    @Test
    void worksWithAllDefaultMiddlewaresDisabled() {
        HelmetOptions none = new HelmetOptions()
                .contentSecurityPolicy(false)
                .crossOriginEmbedderPolicy(false)
                .crossOriginOpenerPolicy(false)
                .crossOriginResourcePolicy(false)
                .originAgentCluster(false)
                .referrerPolicy(false)
                .strictTransportSecurity(false)
                .xContentTypeOptions(false)
                .xDnsPrefetchControl(false)
                .xDownloadOptions(false)
                .xFrameOptions(false)
                .xPermittedCrossDomainPolicies(false)
                .xPoweredBy(false)
                .xXssProtection(false);
        RawResponse r = check(none, "content-security-policy", null);
        assertThat(r.hasHeader("X-Frame-Options")).isFalse();
        assertThat(r.header("X-Powered-By")).isEqualTo("Helmet test"); // left alone
    }

    @Test
    void defaultMiddlewareCanBeExplicitlyEnabled() {
        check(new HelmetOptions().xFrameOptions(true), "x-frame-options", "SAMEORIGIN");
    }

    @Test
    void crossOriginEmbedderPolicyCanBeEnabledDisabledOrGivenAPolicy() {
        check(new HelmetOptions().crossOriginEmbedderPolicy(true), "cross-origin-embedder-policy", "require-corp");
        check(new HelmetOptions().crossOriginEmbedderPolicy(false), "cross-origin-embedder-policy", null);
        check(
                new HelmetOptions().crossOriginEmbedderPolicy("credentialless"),
                "cross-origin-embedder-policy",
                "credentialless");
    }

    @Test
    void crossOriginOpenerPolicyCanBeEnabledDisabledOrGivenAPolicy() {
        check(new HelmetOptions().crossOriginOpenerPolicy(true), "cross-origin-opener-policy", "same-origin");
        check(
                new HelmetOptions().crossOriginOpenerPolicy("same-origin-allow-popups"),
                "cross-origin-opener-policy",
                "same-origin-allow-popups");
        check(new HelmetOptions().crossOriginOpenerPolicy(false), "cross-origin-opener-policy", null);
    }

    @Test
    void crossOriginResourcePolicyCanBeEnabledDisabledOrGivenAPolicy() {
        check(new HelmetOptions().crossOriginResourcePolicy(true), "cross-origin-resource-policy", "same-origin");
        check(new HelmetOptions().crossOriginResourcePolicy("same-site"), "cross-origin-resource-policy", "same-site");
        check(new HelmetOptions().crossOriginResourcePolicy(false), "cross-origin-resource-policy", null);
    }

    @Test
    void originAgentClusterCanBeEnabledOrDisabled() {
        check(new HelmetOptions().originAgentCluster(true), "origin-agent-cluster", "?1");
        check(new HelmetOptions().originAgentCluster(false), "origin-agent-cluster", null);
    }

    @Test
    void aMiddlewareCallingNextWithAnErrorStopsTheChain() {
        App app = Express.app();
        app.use(Express.helmet(new HelmetOptions()
                .contentSecurityPolicy(directives(
                        "defaultSrc", List.of("'self'", (HelmetOptions.CspValue) (req, res) -> "bad;value")))));
        app.use((req, res) -> res.end());
        app.use((err, req, res, next) -> {
            res.statusCode(500);
            res.end("Error: " + err.getMessage());
        });
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text())
                .isEqualTo("Error: Content-Security-Policy received an invalid directive value for \"default-src\"");
        assertThat(r.hasHeader("X-Frame-Options")).isFalse(); // helmet stops at the first error
    }

    // ---- content-security-policy.test.ts ----

    @Test
    void cspSetsTheDefaultPolicyWhenPassedNoDirectives() {
        Set<String> expected = Set.of(DEFAULT_CSP.split(";"));
        assertThat(cspDirectives(new HelmetOptions())).isEqualTo(expected);
        assertThat(cspDirectives(new HelmetOptions().contentSecurityPolicy(Map.of())))
                .isEqualTo(expected);
        assertThat(cspDirectives(new HelmetOptions().contentSecurityPolicyUseDefaults(true)))
                .isEqualTo(expected);
    }

    @Test
    void cspDirectivesNamedInDashCaseCamelCaseOrBoth() {
        Set<String> expected = Set.of("default-src 'self'", "script-src example.com", "style-src 'none'");
        assertThat(cspDirectives(csp(
                        false,
                        directives(
                                "default-src", List.of("'self'"),
                                "script-src", List.of("example.com"),
                                "style-src", List.of("'none'")))))
                .isEqualTo(expected);
        assertThat(cspDirectives(csp(
                        false,
                        directives(
                                "defaultSrc", List.of("'self'"),
                                "scriptSrc", List.of("example.com"),
                                "styleSrc", List.of("'none'")))))
                .isEqualTo(expected);
        assertThat(cspDirectives(csp(
                        false,
                        directives(
                                "default-src", List.of("'self'"),
                                "script-src", List.of("example.com"),
                                "styleSrc", List.of("'none'"),
                                "objectSrc", List.of("'none'")))))
                .isEqualTo(Set.of(
                        "default-src 'self'", "script-src example.com", "style-src 'none'", "object-src 'none'"));
    }

    @Test
    void cspAcceptsAnEmptyListOfValues() {
        assertThat(cspDirectives(csp(false, directives("default-src", List.of("'self'"), "sandbox", List.of()))))
                .isEqualTo(Set.of("default-src 'self'", "sandbox"));
    }

    @Test
    void cspAcceptsOneStringValues() {
        assertThat(cspDirectives(csp(
                        false,
                        directives(
                                "default-src", List.of("'self'  example.com"),
                                "scriptSrc", List.of("'none'"),
                                "sandbox", List.of("")))))
                .isEqualTo(Set.of("default-src 'self'  example.com", "script-src 'none'", "sandbox"));
    }

    @Test
    void cspTreatsNullValuesAsNotSet() {
        assertThat(cspDirectives(csp(false, directives("default-src", List.of("'self'"), "scriptSrc", null))))
                .isEqualTo(Set.of("default-src 'self'"));
    }

    @Test
    void cspFunctionsInValuesComputeThemPerRequest() {
        String dynamic = UUID.randomUUID() + ".example";
        AtomicBoolean sawRequest = new AtomicBoolean();
        HelmetOptions options = csp(
                false,
                directives(
                        "default-src",
                        List.of(
                                "'self'",
                                (HelmetOptions.CspValue) (req, res) -> {
                                    sawRequest.set(req != null && res != null && req.res() == res);
                                    return dynamic;
                                },
                                "bar.example.com")));
        assertThat(cspDirectives(options)).isEqualTo(Set.of("default-src 'self' " + dynamic + " bar.example.com"));
        assertThat(sawRequest).isTrue();
    }

    @Test
    void cspAThrowingFunctionFailsAndStops() {
        IllegalStateException thrown = new IllegalStateException("test error");
        AtomicBoolean secondCalled = new AtomicBoolean();
        App app = Express.app();
        app.use(Express.helmet(csp(
                false,
                directives(
                        "defaultSrc",
                        List.of(
                                "'self'",
                                (HelmetOptions.CspValue) (req, res) -> {
                                    throw thrown;
                                },
                                (HelmetOptions.CspValue) (req, res) -> {
                                    secondCalled.set(true);
                                    return "ignored.example";
                                })))));
        app.use((req, res) -> res.end("false"));
        app.use((err, req, res, next) -> res.end(String.valueOf(err == thrown)));
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("true");
        assertThat(r.hasHeader("Content-Security-Policy")).isFalse();
        assertThat(secondCalled).isFalse();
    }

    @Test
    void cspOverridesTheDefaults() {
        Map<String, List<?>> overrides = new LinkedHashMap<>();
        overrides.put("default-src", List.of("'self'", "example.com"));
        overrides.put("base-uri", null);
        overrides.put("scriptSrc", List.of("example.com"));
        Set<String> expected = Set.of(
                "default-src 'self' example.com",
                "font-src 'self' https: data:",
                "form-action 'self'",
                "frame-ancestors 'self'",
                "img-src 'self' data:",
                "object-src 'none'",
                "script-src example.com",
                "script-src-attr 'none'",
                "style-src 'self' https: 'unsafe-inline'",
                "upgrade-insecure-requests");
        assertThat(cspDirectives(csp(true, overrides))).isEqualTo(expected);
        assertThat(cspDirectives(new HelmetOptions().contentSecurityPolicy(overrides)))
                .isEqualTo(expected);
        // a default keeps its place, a directive of the user's own comes last
        assertThat(check(new HelmetOptions().contentSecurityPolicy(overrides), "x-powered-by", null)
                        .header("Content-Security-Policy"))
                .startsWith("default-src 'self' example.com;font-src");
    }

    @Test
    void cspReportOnly() {
        HelmetOptions options = csp(false, directives("default-src", List.of("'self'")));
        RawResponse r = check(options.contentSecurityPolicyReportOnly(true), "content-security-policy", null);
        assertThat(r.header("Content-Security-Policy-Report-Only")).isEqualTo("default-src 'self'");
        RawResponse normal = check(
                csp(false, directives("default-src", List.of("'self'"))).contentSecurityPolicyReportOnly(false),
                "content-security-policy",
                "default-src 'self'");
        assertThat(normal.hasHeader("Content-Security-Policy-Report-Only")).isFalse();
    }

    @Test
    void cspThrowsForInvalidDirectiveNames() {
        for (String name : List.of(
                "",
                ";",
                "\u00e1",
                "default src",
                " default-src",
                "default-src ",
                "default;src",
                "default,src",
                "default!src",
                "default_src",
                "def\u00e1ult-src",
                "DefaultSrc",
                "Default-Src",
                "-default-src",
                "default-src-",
                "_default_src",
                "__proto__")) {
            assertSetupFails(
                    csp(true, directives(name, List.of("value"))),
                    "^Content-Security-Policy received an invalid directive name \".*");
        }
    }

    @Test
    void cspThrowsForDuplicateDirectives() {
        assertSetupFails(
                csp(false, directives("defaultSrc", List.of("foo"), "default-src", List.of("foo"))),
                "^Content-Security-Policy received a duplicate directive \"default-src\"$");
        assertSetupFails(
                csp(
                        false,
                        directives(
                                "defaultSrc",
                                List.of("'self'"),
                                "scriptSrc",
                                List.of("foo"),
                                "script-src",
                                List.of("foo"))),
                "^Content-Security-Policy received a duplicate directive \"script-src\"$");
    }

    private static final List<String> SHOULD_BE_QUOTED = List.of(
            "none",
            "self",
            "strict-dynamic",
            "report-sample",
            "inline-speculation-rules",
            "unsafe-inline",
            "unsafe-eval",
            "unsafe-hashes",
            "wasm-unsafe-eval",
            "nonce-abc123",
            "sha256-abc123",
            "sha384-abc123",
            "sha512-abc123");

    @Test
    void cspThrowsForInvalidValues() {
        for (String invalid : List.of(";", ",", "hello;world", "hello,world")) {
            assertSetupFails(
                    csp(false, directives("default-src", List.of("'self'"), "something-else", List.of(invalid))),
                    "^Content-Security-Policy received an invalid directive value for \"something-else\"$");
        }
        assertSetupFails(
                csp(false, directives("default-src", List.of("foo;bar"))),
                "^Content-Security-Policy received an invalid directive value for \"default-src\"$");
        for (String entry : SHOULD_BE_QUOTED) {
            assertThatThrownBy(() -> Express.helmet(
                            csp(false, directives("default-src", List.of("'self'"), "something-else", List.of(entry)))))
                    .hasMessage("Content-Security-Policy received an invalid directive value for \"something-else\". \""
                            + entry + "\" should be quoted");
        }
    }

    /** Deliberate: helmet would skip the check and print {@code null} into the header. */
    @Test
    void cspThrowsForANullValueInAList() {
        assertSetupFails(
                csp(true, directives("defaultSrc", Arrays.asList("'self'", null))),
                "^Content-Security-Policy received an invalid directive value for \"default-src\"$");
    }

    @Test
    void cspFailsWhenAFunctionReturnsAnInvalidValue() {
        List<String> bad = new java.util.ArrayList<>(List.of("bad;value", "bad,value"));
        bad.addAll(SHOULD_BE_QUOTED);
        for (String entry : bad) {
            App app = Express.app();
            app.use(Express.helmet(csp(
                    false, directives("defaultSrc", List.of("'self'", (HelmetOptions.CspValue) (q, s) -> entry)))));
            app.use((req, res) -> res.end("false"));
            app.use((err, req, res, next) -> res.end(String.valueOf(err.getMessage()
                    .startsWith("Content-Security-Policy received an invalid directive value for \"default-src\""))));
            RawResponse r = get(app, "/");
            assertThat(r.text()).as(entry).isEqualTo("true");
            assertThat(r.hasHeader("Content-Security-Policy")).isFalse();
        }
    }

    @Test
    void cspThrowsWhenDefaultSrcIsMissing() {
        assertSetupFails(
                csp(false, directives()),
                "^Content-Security-Policy has no directives. Either set some or disable the header$");
        assertSetupFails(
                new HelmetOptions().contentSecurityPolicyUseDefaults(false),
                "^Content-Security-Policy has no directives. Either set some or disable the header$");
        assertSetupFails(
                csp(false, directives("scriptSrc", List.of("example.com"))),
                "^Content-Security-Policy needs a default-src but none was provided. If you really want to disable"
                        + " it, set it to `contentSecurityPolicy.dangerouslyDisableDefaultSrc`.$");
        assertSetupFails(
                new HelmetOptions().contentSecurityPolicy(directives("defaultSrc", null)),
                "^Content-Security-Policy needs a default-src but it was set to `null`. If you really want to"
                        + " disable it, set it to `contentSecurityPolicy.dangerouslyDisableDefaultSrc`.$");
        // these do not throw
        Express.helmet(csp(false, directives("defaultSrc", List.of("foo"))));
        Express.helmet(csp(false, directives("default-src", List.of("foo"))));
        Express.helmet(csp(false, directives("defaultSrc", List.of())));
        Express.helmet(csp(false, directives("defaultSrc", List.of(""))));
    }

    @Test
    void cspDefaultSrcCanBeExplicitlyDisabled() {
        assertThat(cspDirectives(csp(
                        false,
                        directives(
                                "defaultSrc",
                                HelmetOptions.DANGEROUSLY_DISABLE_DEFAULT_SRC,
                                "scriptSrc",
                                List.of("example.com")))))
                .isEqualTo(Set.of("script-src example.com"));
        assertThat(cspDirectives(csp(
                        false,
                        directives(
                                "default-src",
                                HelmetOptions.DANGEROUSLY_DISABLE_DEFAULT_SRC,
                                "script-src",
                                List.of("example.com")))))
                .isEqualTo(Set.of("script-src example.com"));
        Set<String> withoutDefaultSrc = new HashSet<>(List.of(DEFAULT_CSP.split(";")));
        withoutDefaultSrc.remove("default-src 'self'");
        assertThat(cspDirectives(csp(true, directives("default-src", HelmetOptions.DANGEROUSLY_DISABLE_DEFAULT_SRC))))
                .isEqualTo(withoutDefaultSrc);
    }

    @Test
    void cspThrowsWhenDefaultSrcIsDisabledAndNothingElseIsSet() {
        for (String name : List.of("defaultSrc", "default-src")) {
            assertSetupFails(
                    csp(false, directives(name, HelmetOptions.DANGEROUSLY_DISABLE_DEFAULT_SRC)),
                    "^Content-Security-Policy has no directives. Either set some or disable the header$");
        }
    }

    @Test
    void cspThrowsWhenAnotherDirectiveIsDisabledLikeDefaultSrc() {
        assertSetupFails(
                new HelmetOptions()
                        .contentSecurityPolicy(directives(
                                "default-src",
                                List.of("'self'"),
                                "script-src",
                                HelmetOptions.DANGEROUSLY_DISABLE_DEFAULT_SRC)),
                "^Content-Security-Policy: tried to disable \"script-src\" as if it were default-src; simply omit"
                        + " the key$");
    }

    // ---- the small middlewares ----

    @Test
    void coepPolicies() {
        for (String policy : List.of("require-corp", "credentialless", "unsafe-none")) {
            check(new HelmetOptions().crossOriginEmbedderPolicy(policy), "cross-origin-embedder-policy", policy);
        }
        check(
                new HelmetOptions().crossOriginEmbedderPolicy((String) null),
                "cross-origin-embedder-policy",
                "require-corp");
        for (String invalid : List.of("", "foo", "CREDENTIALLESS")) {
            assertSetupFails(
                    new HelmetOptions().crossOriginEmbedderPolicy(invalid),
                    "^Cross-Origin-Embedder-Policy does not support .*");
        }
    }

    @Test
    void coopPolicies() {
        for (String policy :
                List.of("same-origin", "same-origin-allow-popups", "noopener-allow-popups", "unsafe-none")) {
            check(new HelmetOptions().crossOriginOpenerPolicy(policy), "cross-origin-opener-policy", policy);
        }
        for (String invalid : List.of("", "foo", "SAME-ORIGIN")) {
            assertSetupFails(
                    new HelmetOptions().crossOriginOpenerPolicy(invalid),
                    "^Cross-Origin-Opener-Policy does not support .*");
        }
        assertThatThrownBy(() -> Express.helmet(new HelmetOptions().crossOriginOpenerPolicy("foo")))
                .hasMessage("Cross-Origin-Opener-Policy does not support the \"foo\" policy");
    }

    @Test
    void corpPolicies() {
        for (String policy : List.of("same-origin", "same-site", "cross-origin")) {
            check(new HelmetOptions().crossOriginResourcePolicy(policy), "cross-origin-resource-policy", policy);
        }
        for (String invalid : List.of("", "foo", "SAME-ORIGIN")) {
            assertSetupFails(
                    new HelmetOptions().crossOriginResourcePolicy(invalid),
                    "^Cross-Origin-Resource-Policy does not support .*");
        }
    }

    @Test
    void originAgentClusterSetsTheHeader() {
        check(new HelmetOptions(), "origin-agent-cluster", "?1");
    }

    @Test
    void referrerPolicyDefaultsToNoReferrer() {
        check(new HelmetOptions(), "referrer-policy", "no-referrer");
    }

    @Test
    void referrerPolicyTakesEachTokenAloneAndSeveral() {
        for (String policy : List.of(
                "no-referrer",
                "no-referrer-when-downgrade",
                "same-origin",
                "origin",
                "strict-origin",
                "origin-when-cross-origin",
                "strict-origin-when-cross-origin",
                "unsafe-url",
                "")) {
            check(new HelmetOptions().referrerPolicy(policy), "referrer-policy", policy);
        }
        check(new HelmetOptions().referrerPolicy("origin", "unsafe-url"), "referrer-policy", "origin,unsafe-url");
    }

    @Test
    void referrerPolicyRefusesBadEmptyAndDuplicateTokens() {
        for (String bad : List.of("foo", "sameorigin", "ORIGIN")) {
            assertSetupFails(
                    new HelmetOptions().referrerPolicy(bad),
                    "^Referrer-Policy received an unexpected policy token \"" + bad + "\"$");
        }
        assertSetupFails(
                new HelmetOptions().referrerPolicy(new String[0]), "^Referrer-Policy received no policy tokens$");
        assertSetupFails(
                new HelmetOptions().referrerPolicy("origin", "origin"),
                "^Referrer-Policy received a duplicate policy token \"origin\"$");
        assertSetupFails(
                new HelmetOptions().referrerPolicy("same-origin", "origin", "same-origin"),
                "^Referrer-Policy received a duplicate policy token \"same-origin\"$");
    }

    @Test
    void hstsDefaultsTo365DaysWithSubdomains() {
        assertThat(365L * 24 * 60 * 60).isEqualTo(31536000L);
        check(new HelmetOptions(), "strict-transport-security", "max-age=31536000; includeSubDomains");
        check(
                new HelmetOptions().strictTransportSecurity(true),
                "strict-transport-security",
                "max-age=31536000; includeSubDomains");
    }

    @Test
    void hstsMaxAgeSubdomainsAndPreload() {
        check(
                new HelmetOptions().strictTransportSecurity(1234, true, false),
                "strict-transport-security",
                "max-age=1234; includeSubDomains");
        check(
                new HelmetOptions().strictTransportSecurity(0, true, false),
                "strict-transport-security",
                "max-age=0; includeSubDomains");
        check(
                new HelmetOptions().strictTransportSecurity(31536000, false, false),
                "strict-transport-security",
                "max-age=31536000");
        check(
                new HelmetOptions().strictTransportSecurity(31536000, true, true),
                "strict-transport-security",
                "max-age=31536000; includeSubDomains; preload");
    }

    @Test
    void hstsRefusesANegativeMaxAge() {
        assertThatThrownBy(() -> Express.helmet(new HelmetOptions().strictTransportSecurity(-123, true, false)))
                .hasMessage("Strict-Transport-Security: -123 is not a valid value for maxAge. Please choose a"
                        + " positive integer.");
    }

    @Test
    void xContentTypeOptionsSetsNosniff() {
        check(new HelmetOptions(), "x-content-type-options", "nosniff");
        check(new HelmetOptions().xContentTypeOptions(false), "x-content-type-options", null);
    }

    @Test
    void xDnsPrefetchControlOffByDefaultOnWhenAllowed() {
        check(new HelmetOptions(), "x-dns-prefetch-control", "off");
        check(new HelmetOptions().xDnsPrefetchControlAllow(false), "x-dns-prefetch-control", "off");
        check(new HelmetOptions().xDnsPrefetchControlAllow(true), "x-dns-prefetch-control", "on");
    }

    @Test
    void xDownloadOptionsSetsNoopen() {
        check(new HelmetOptions(), "x-download-options", "noopen");
    }

    @Test
    void xFrameOptionsActions() {
        check(new HelmetOptions(), "x-frame-options", "SAMEORIGIN");
        check(new HelmetOptions().xFrameOptions((String) null), "x-frame-options", "SAMEORIGIN");
        for (String deny : List.of("deny", "DENY", "deNY")) {
            check(new HelmetOptions().xFrameOptions(deny), "x-frame-options", "DENY");
        }
        for (String same : List.of("sameorigin", "SAMEORIGIN", "sameORIGIN", "SAME-ORIGIN", "same-origin")) {
            check(new HelmetOptions().xFrameOptions(same), "x-frame-options", "SAMEORIGIN");
        }
        for (String invalid : List.of("", "foo", " deny", "allow-from", "ALLOW-FROM")) {
            assertSetupFails(
                    new HelmetOptions().xFrameOptions(invalid), "^X-Frame-Options received an invalid action .*");
        }
    }

    @Test
    void xPermittedCrossDomainPolicies() {
        check(new HelmetOptions(), "x-permitted-cross-domain-policies", "none");
        for (String policy : List.of("none", "master-only", "by-content-type", "all")) {
            check(
                    new HelmetOptions().xPermittedCrossDomainPolicies(policy),
                    "x-permitted-cross-domain-policies",
                    policy);
        }
        for (String invalid : List.of("", "NONE", "by-ftp-filename")) {
            assertSetupFails(
                    new HelmetOptions().xPermittedCrossDomainPolicies(invalid),
                    "^X-Permitted-Cross-Domain-Policies does not support .*");
        }
    }

    @Test
    void xPoweredByIsRemovedWhetherOrNotItWasSet() {
        App app = Express.app();
        app.disable("x-powered-by");
        app.use(Express.helmet());
        app.use((req, res) -> res.end("Hello world!"));
        assertThat(get(app, "/").hasHeader("X-Powered-By")).isFalse();
        App setEarlier = Express.app();
        setEarlier.use((req, res, next) -> {
            res.setHeader("X-POWERED-BY", "should be destroyed");
            next.run();
        });
        setEarlier.use(Express.helmet());
        setEarlier.use((req, res) -> res.end("Hello world!"));
        assertThat(get(setEarlier, "/").hasHeader("X-Powered-By")).isFalse();
    }

    @Test
    void xXssProtectionSetsZero() {
        check(new HelmetOptions(), "x-xss-protection", "0");
        check(new HelmetOptions().xXssProtection(false), "x-xss-protection", null);
    }

    @Test
    void theAppsOwnXPoweredByIsRemoved() {
        App app = Express.app();
        app.use(Express.helmet());
        app.get("/", (req, res) -> res.send("hi"));
        assertThat(get(app, "/").hasHeader("X-Powered-By")).isFalse();
    }
}
