package io.express4j;

import io.express4j.http.ContentSecurityPolicy;
import io.express4j.http.SecurityHeaders;
import io.express4j.middleware.Helmet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Options of {@link Express#helmet(HelmetOptions)}, helmet 8's by their names: every header is on with helmet's
 * default unless switched off ({@code new HelmetOptions().xFrameOptions("deny").crossOriginEmbedderPolicy(true)}),
 * except Cross-Origin-Embedder-Policy, which is off unless switched on. Values are checked when the middleware is
 * made, so a bad one fails at setup with helmet's message, never per request. A null string option means helmet's
 * default, as an undefined one does in helmet.
 */
public final class HelmetOptions {
    /**
     * A Content-Security-Policy value computed for each request (a nonce, say), given among a directive's values:
     * {@code List.of("'self'", (HelmetOptions.CspValue) (req, res) -> "'nonce-" + res.locals().get("nonce") + "'")}.
     * A value that throws, or that fails helmet's checks, goes to {@code next(err)} and no header is set.
     */
    @FunctionalInterface
    public interface CspValue {
        String value(Request req, Response res) throws Exception;
    }

    /**
     * helmet's {@code contentSecurityPolicy.dangerouslyDisableDefaultSrc}: given as {@code default-src}'s value, the
     * policy has no {@code default-src} at all (recognised by identity).
     */
    public static final List<String> DANGEROUSLY_DISABLE_DEFAULT_SRC = Collections.unmodifiableList(new ArrayList<>());

    private boolean contentSecurityPolicy = true;
    private Map<String, ? extends List<?>> directives = Map.of();
    private boolean useDefaults = true;
    private boolean reportOnly;
    private String crossOriginEmbedderPolicy;
    private String crossOriginOpenerPolicy = "same-origin";
    private String crossOriginResourcePolicy = "same-origin";
    private boolean originAgentCluster = true;
    private List<String> referrerPolicy = List.of("no-referrer");
    private boolean strictTransportSecurity = true;
    private long hstsMaxAge = SecurityHeaders.DEFAULT_HSTS_MAX_AGE;
    private boolean hstsIncludeSubDomains = true;
    private boolean hstsPreload;
    private boolean xContentTypeOptions = true;
    private String xDnsPrefetchControl = "off";
    private boolean xDownloadOptions = true;
    private String xFrameOptions = "sameorigin";
    private String xPermittedCrossDomainPolicies = "none";
    private boolean xPoweredBy = true;
    private boolean xXssProtection = true;

    // ---- Content-Security-Policy ----

    public HelmetOptions contentSecurityPolicy(boolean on) {
        this.contentSecurityPolicy = on;
        return this;
    }

    /**
     * Directives merged over helmet's defaults (its {@code useDefaults: true}), by name in camelCase or dash-case;
     * a null value drops a default (use a map that allows nulls, e.g. a {@code LinkedHashMap}, whose order is kept),
     * an empty list leaves the bare name ({@code upgrade-insecure-requests}). Elements are strings or
     * {@link CspValue}s.
     */
    public HelmetOptions contentSecurityPolicy(Map<String, ? extends List<?>> directives) {
        this.contentSecurityPolicy = true;
        this.directives = directives;
        return this;
    }

    /** helmet's {@code useDefaults}: false starts from no directives instead of helmet's defaults. */
    public HelmetOptions contentSecurityPolicyUseDefaults(boolean useDefaults) {
        this.useDefaults = useDefaults;
        return this;
    }

    /** helmet's {@code reportOnly}: send {@code Content-Security-Policy-Report-Only} instead. */
    public HelmetOptions contentSecurityPolicyReportOnly(boolean reportOnly) {
        this.reportOnly = reportOnly;
        return this;
    }

    // ---- the cross-origin policies ----

    /** Off by default; true sends {@code require-corp}. */
    public HelmetOptions crossOriginEmbedderPolicy(boolean on) {
        this.crossOriginEmbedderPolicy = on ? "require-corp" : null;
        return this;
    }

    /** {@code require-corp}, {@code credentialless} or {@code unsafe-none}. */
    public HelmetOptions crossOriginEmbedderPolicy(String policy) {
        this.crossOriginEmbedderPolicy = policy == null ? "require-corp" : policy;
        return this;
    }

    public HelmetOptions crossOriginOpenerPolicy(boolean on) {
        this.crossOriginOpenerPolicy = on ? "same-origin" : null;
        return this;
    }

    /** {@code same-origin} (default), {@code same-origin-allow-popups}, {@code noopener-allow-popups}, … */
    public HelmetOptions crossOriginOpenerPolicy(String policy) {
        this.crossOriginOpenerPolicy = policy == null ? "same-origin" : policy;
        return this;
    }

    public HelmetOptions crossOriginResourcePolicy(boolean on) {
        this.crossOriginResourcePolicy = on ? "same-origin" : null;
        return this;
    }

    /** {@code same-origin} (default), {@code same-site} or {@code cross-origin}. */
    public HelmetOptions crossOriginResourcePolicy(String policy) {
        this.crossOriginResourcePolicy = policy == null ? "same-origin" : policy;
        return this;
    }

    public HelmetOptions originAgentCluster(boolean on) {
        this.originAgentCluster = on;
        return this;
    }

    // ---- the rest ----

    public HelmetOptions referrerPolicy(boolean on) {
        this.referrerPolicy = on ? List.of("no-referrer") : null;
        return this;
    }

    /** One or more policy tokens, sent comma-separated ({@code no-referrer} by default). */
    public HelmetOptions referrerPolicy(String... policy) {
        this.referrerPolicy = Arrays.asList(policy.clone());
        return this;
    }

    public HelmetOptions strictTransportSecurity(boolean on) {
        this.strictTransportSecurity = on;
        return this;
    }

    /** helmet's {@code maxAge} (default 365 days), {@code includeSubDomains} (default true) and {@code preload}. */
    public HelmetOptions strictTransportSecurity(long maxAgeSeconds, boolean includeSubDomains, boolean preload) {
        this.strictTransportSecurity = true;
        this.hstsMaxAge = maxAgeSeconds;
        this.hstsIncludeSubDomains = includeSubDomains;
        this.hstsPreload = preload;
        return this;
    }

    public HelmetOptions xContentTypeOptions(boolean on) {
        this.xContentTypeOptions = on;
        return this;
    }

    public HelmetOptions xDnsPrefetchControl(boolean on) {
        this.xDnsPrefetchControl = on ? "off" : null;
        return this;
    }

    /** helmet's {@code xDnsPrefetchControl: {allow}}: {@code on} when true, {@code off} (the default) when false. */
    public HelmetOptions xDnsPrefetchControlAllow(boolean allow) {
        this.xDnsPrefetchControl = allow ? "on" : "off";
        return this;
    }

    public HelmetOptions xDownloadOptions(boolean on) {
        this.xDownloadOptions = on;
        return this;
    }

    public HelmetOptions xFrameOptions(boolean on) {
        this.xFrameOptions = on ? "sameorigin" : null;
        return this;
    }

    /** {@code deny} or {@code sameorigin} (default), in any case; {@code same-origin} is accepted too. */
    public HelmetOptions xFrameOptions(String action) {
        this.xFrameOptions = action == null ? "sameorigin" : action;
        return this;
    }

    public HelmetOptions xPermittedCrossDomainPolicies(boolean on) {
        this.xPermittedCrossDomainPolicies = on ? "none" : null;
        return this;
    }

    /** {@code none} (default), {@code master-only}, {@code by-content-type} or {@code all}. */
    public HelmetOptions xPermittedCrossDomainPolicies(String policies) {
        this.xPermittedCrossDomainPolicies = policies == null ? "none" : policies;
        return this;
    }

    /** Whether to remove {@code X-Powered-By} (default true). */
    public HelmetOptions xPoweredBy(boolean remove) {
        this.xPoweredBy = remove;
        return this;
    }

    /** Whether to send {@code X-XSS-Protection: 0}, which turns off browsers' buggy XSS auditors (default true). */
    public HelmetOptions xXssProtection(boolean on) {
        this.xXssProtection = on;
        return this;
    }

    /** Checks every value and fixes the headers, in helmet's order. */
    Middleware build() {
        Helmet.Builder helmet = new Helmet.Builder();
        if (contentSecurityPolicy) {
            helmet.contentSecurityPolicy(
                    reportOnly ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy",
                    ContentSecurityPolicy.parse(directives, useDefaults, DANGEROUSLY_DISABLE_DEFAULT_SRC));
        }
        if (crossOriginEmbedderPolicy != null) {
            helmet.header(
                    "Cross-Origin-Embedder-Policy",
                    SecurityHeaders.crossOriginEmbedderPolicy(crossOriginEmbedderPolicy));
        }
        if (crossOriginOpenerPolicy != null) {
            helmet.header(
                    "Cross-Origin-Opener-Policy", SecurityHeaders.crossOriginOpenerPolicy(crossOriginOpenerPolicy));
        }
        if (crossOriginResourcePolicy != null) {
            helmet.header(
                    "Cross-Origin-Resource-Policy",
                    SecurityHeaders.crossOriginResourcePolicy(crossOriginResourcePolicy));
        }
        if (originAgentCluster) helmet.header("Origin-Agent-Cluster", "?1");
        if (referrerPolicy != null) helmet.header("Referrer-Policy", SecurityHeaders.referrerPolicy(referrerPolicy));
        if (strictTransportSecurity) {
            helmet.header(
                    "Strict-Transport-Security",
                    SecurityHeaders.strictTransportSecurity(hstsMaxAge, hstsIncludeSubDomains, hstsPreload));
        }
        if (xContentTypeOptions) helmet.header("X-Content-Type-Options", "nosniff");
        if (xDnsPrefetchControl != null) helmet.header("X-DNS-Prefetch-Control", xDnsPrefetchControl);
        if (xDownloadOptions) helmet.header("X-Download-Options", "noopen");
        if (xFrameOptions != null) helmet.header("X-Frame-Options", SecurityHeaders.xFrameOptions(xFrameOptions));
        if (xPermittedCrossDomainPolicies != null) {
            helmet.header(
                    "X-Permitted-Cross-Domain-Policies",
                    SecurityHeaders.xPermittedCrossDomainPolicies(xPermittedCrossDomainPolicies));
        }
        if (xPoweredBy) helmet.removeHeader("X-Powered-By");
        if (xXssProtection) helmet.header("X-XSS-Protection", "0");
        return helmet.build();
    }
}
