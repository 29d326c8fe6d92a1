package io.express4j.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * npm basic-auth 2.0's parse of an {@code Authorization: Basic …} header, as morgan's {@code :remote-user} reads
 * it: the scheme in any case, the credentials base64 (decoded leniently, as Node's Buffer does), split at the first
 * colon.
 */
public final class BasicAuth {
    private static final Pattern CREDENTIALS =
            Pattern.compile("^ *(?:[Bb][Aa][Ss][Ii][Cc]) +([A-Za-z0-9._~+/-]+=*) *$");

    private BasicAuth() {}

    /** The user name, or null when the header is absent, not Basic, or its decoded text holds no colon. */
    public static String user(String authorization) {
        if (authorization == null) return null;
        Matcher m = CREDENTIALS.matcher(authorization);
        if (!m.matches()) return null;
        String decoded = decodeBase64(m.group(1));
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : decoded.substring(0, colon);
    }

    /** Node's {@code Buffer.from(s, 'base64')}: standard and URL-safe alphabets, other characters skipped. */
    static String decodeBase64(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 3 / 4);
        int bits = 0;
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = sextet(s.charAt(i));
            if (s.charAt(i) == '=') break;
            if (v < 0) continue;
            bits = (bits << 6) | v;
            count += 6;
            if (count >= 8) {
                count -= 8;
                out.write((bits >> count) & 0xFF);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+' || c == '-') return 62;
        if (c == '/' || c == '_') return 63;
        return -1;
    }
}
