package io.express4j.http;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header values of helmet 8.3's smaller middlewares, from their options, with the checks helmet makes when the
 * middleware is created: each method returns the value or throws {@link IllegalArgumentException} with helmet's
 * message. Content-Security-Policy is {@link ContentSecurityPolicy}.
 */
public final class SecurityHeaders {
    private static final Set<String> EMBEDDER_POLICIES = Set.of("require-corp", "credentialless", "unsafe-none");
    private static final Set<String> OPENER_POLICIES =
            Set.of("same-origin", "same-origin-allow-popups", "noopener-allow-popups", "unsafe-none");
    private static final Set<String> RESOURCE_POLICIES = Set.of("same-origin", "same-site", "cross-origin");
    private static final Set<String> REFERRER_TOKENS = Set.of(
            "no-referrer",
            "no-referrer-when-downgrade",
            "same-origin",
            "origin",
            "strict-origin",
            "origin-when-cross-origin",
            "strict-origin-when-cross-origin",
            "unsafe-url",
            "");
    private static final Set<String> CROSS_DOMAIN_POLICIES = Set.of("none", "master-only", "by-content-type", "all");

    /** helmet's default HSTS max-age: 365 days in seconds. */
    public static final long DEFAULT_HSTS_MAX_AGE = 365L * 24 * 60 * 60;

    private SecurityHeaders() {}

    public static String crossOriginEmbedderPolicy(String policy) {
        return allowed(policy, EMBEDDER_POLICIES, "Cross-Origin-Embedder-Policy does not support the ", " policy");
    }

    public static String crossOriginOpenerPolicy(String policy) {
        return allowed(policy, OPENER_POLICIES, "Cross-Origin-Opener-Policy does not support the ", " policy");
    }

    public static String crossOriginResourcePolicy(String policy) {
        return allowed(policy, RESOURCE_POLICIES, "Cross-Origin-Resource-Policy does not support the ", " policy");
    }

    public static String xPermittedCrossDomainPolicies(String policy) {
        return allowed(policy, CROSS_DOMAIN_POLICIES, "X-Permitted-Cross-Domain-Policies does not support ", "");
    }

    /** The tokens joined with commas; none, an unknown one or a repeated one is refused. */
    public static String referrerPolicy(List<String> tokens) {
        if (tokens.isEmpty()) throw new IllegalArgumentException("Referrer-Policy received no policy tokens");
        Set<String> seen = new HashSet<>();
        for (String token : tokens) {
            if (token == null || !REFERRER_TOKENS.contains(token)) {
                throw new IllegalArgumentException(
                        "Referrer-Policy received an unexpected policy token " + quote(token));
            }
            if (!seen.add(token)) {
                throw new IllegalArgumentException(
                        "Referrer-Policy received a duplicate policy token " + JsStrings.quote(token));
            }
        }
        return String.join(",", tokens);
    }

    /** {@code max-age=N}, then {@code includeSubDomains} and {@code preload} when asked for. */
    public static String strictTransportSecurity(long maxAgeSeconds, boolean includeSubDomains, boolean preload) {
        if (maxAgeSeconds < 0) {
            throw new IllegalArgumentException("Strict-Transport-Security: " + maxAgeSeconds
                    + " is not a valid value for maxAge. Please choose a positive integer.");
        }
        StringBuilder value = new StringBuilder("max-age=").append(maxAgeSeconds);
        if (includeSubDomains) value.append("; includeSubDomains");
        if (preload) value.append("; preload");
        return value.toString();
    }

    /** {@code DENY} or {@code SAMEORIGIN}, from an action in any case ({@code same-origin} too). */
    public static String xFrameOptions(String action) {
        String normalized = action == null ? null : action.toUpperCase(Locale.ROOT);
        if ("SAME-ORIGIN".equals(normalized)) return "SAMEORIGIN";
        if ("DENY".equals(normalized) || "SAMEORIGIN".equals(normalized)) return normalized;
        throw new IllegalArgumentException("X-Frame-Options received an invalid action " + quote(action));
    }

    private static String allowed(String policy, Set<String> allowed, String prefix, String suffix) {
        if (policy != null && allowed.contains(policy)) return policy;
        throw new IllegalArgumentException(prefix + quote(policy) + suffix);
    }

    private static String quote(String s) {
        return s == null ? "null" : JsStrings.quote(s);
    }
}
