package io.express4j.test;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One {@code Set-Cookie} line: name, value and the attributes a cookie jar honours. The value is kept as sent (an
 * agent sends it back as it came, as supertest's cookiejar does).
 *
 * @param path    null when the line has no Path (the jar then uses the request's default path)
 * @param domain  null when host-only
 * @param expires null when the cookie lasts the session; Max-Age wins over Expires (RFC 6265 §5.3)
 */
record SetCookie(String name, String value, String path, String domain, Instant expires, boolean secure) {

    /** Null for a line without {@code name=value}. */
    static SetCookie parse(String line) {
        String[] parts = line.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) return null;
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String path = null;
        String domain = null;
        Instant expires = null;
        Instant maxAge = null;
        boolean secure = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            int at = attribute.indexOf('=');
            String key =
                    (at < 0 ? attribute : attribute.substring(0, at)).trim().toLowerCase(Locale.ROOT);
            String v = at < 0 ? "" : attribute.substring(at + 1).trim();
            switch (key) {
                case "path" -> path = v.startsWith("/") ? v : null;
                case "domain" ->
                    domain = v.isEmpty() ? null : v.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT);
                case "expires" -> expires = date(v);
                case "max-age" -> maxAge = maxAge(v);
                case "secure" -> secure = true;
                default -> {
                    // HttpOnly, SameSite, Partitioned: nothing for a test client to do
                }
            }
        }
        return new SetCookie(name, value, path, domain, maxAge != null ? maxAge : expires, secure);
    }

    private static Instant date(String text) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null; // an unreadable date leaves a session cookie, as browsers do
        }
    }

    private static Instant maxAge(String text) {
        try {
            long seconds = Long.parseLong(text);
            return seconds <= 0 ? Instant.EPOCH : Instant.now().plusSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
