package io.express4j.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An agent's cookies, kept as supertest's agent keeps them: a cookie for another host is refused, one without a Path
 * gets the request's directory, a stored cookie goes only to paths under its own and to its host (or, with a
 * Domain, to that domain's hosts), never over plain HTTP when Secure, and not after it expired — by Expires, or by
 * Max-Age, which supertest's cookiejar ignores (an expired or {@code Max-Age=0} cookie is removed).
 */
final class CookieJar {
    private record Stored(SetCookie cookie, String host, String path) {}

    private final List<Stored> cookies = new ArrayList<>();

    synchronized void store(List<String> setCookieLines, String host, String requestPath) {
        for (String line : setCookieLines) {
            SetCookie cookie = SetCookie.parse(line);
            if (cookie == null) continue;
            if (cookie.domain() != null && !domainMatches(host, cookie.domain())) continue;
            String path = cookie.path() != null ? cookie.path() : defaultPath(requestPath);
            String scope = cookie.domain() != null ? cookie.domain() : host;
            cookies.removeIf(s -> s.cookie().name().equals(cookie.name())
                    && s.path().equals(path)
                    && Objects.equals(s.host(), scope));
            if (cookie.expires() == null || cookie.expires().isAfter(Instant.now())) {
                cookies.add(new Stored(cookie, scope, path));
            }
        }
    }

    /** The {@code Cookie} header for a request, null when no cookie applies. */
    synchronized String header(String host, String requestPath) {
        Instant now = Instant.now();
        cookies.removeIf(
                s -> s.cookie().expires() != null && !s.cookie().expires().isAfter(now));
        String value = cookies.stream()
                .filter(s -> !s.cookie().secure())
                .filter(s -> requestPath.startsWith(s.path()))
                .filter(s -> s.cookie().domain() == null ? s.host().equals(host) : domainMatches(host, s.host()))
                .map(s -> s.cookie().name() + "=" + s.cookie().value())
                .collect(Collectors.joining("; "));
        return value.isEmpty() ? null : value;
    }

    /** RFC 6265 §5.1.3: the host itself, or a name under the domain (never for an IP address). */
    private static boolean domainMatches(String host, String domain) {
        if (host.equals(domain)) return true;
        return host.endsWith("." + domain) && !host.matches("[0-9.]+|\\[.*]");
    }

    /** RFC 6265 §5.1.4, as superagent: the path up to its last slash, or "/". */
    private static String defaultPath(String path) {
        int slash = path.lastIndexOf('/');
        return slash > 0 ? path.substring(0, slash) : "/";
    }
}
