package io.express4j.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The opening handshake of RFC 6455 §4.2, as the npm package ws 8.23 checks it: which requests ask for an upgrade,
 * whether their {@code Sec-WebSocket-Key}, {@code Sec-WebSocket-Version} and {@code Sec-WebSocket-Protocol} are
 * acceptable, and the {@code Sec-WebSocket-Accept} answer. No I/O.
 */
public final class WebSocketHandshake {
    /** ws's {@code keyRegex}: 16 random bytes in base64 (RFC 6455 §4.1). */
    private static final Pattern KEY = Pattern.compile("^[+/0-9A-Za-z]{22}==$");

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** ws's refusal text and header for a version it does not speak (it speaks 13 and 8, whose frames are alike). */
    public static final String BAD_VERSION = "Missing or invalid Sec-WebSocket-Version header";

    public static final String SUPPORTED_VERSIONS = "13, 8";
    public static final String BAD_KEY = "Missing or invalid Sec-WebSocket-Key header";
    public static final String BAD_PROTOCOL = "Invalid Sec-WebSocket-Protocol header";

    private WebSocketHandshake() {}

    /**
     * Whether a request asks to switch to WebSocket: what makes Node emit {@code 'upgrade'} (a {@code Connection}
     * header listing {@code upgrade} and an {@code Upgrade} header) with {@code Upgrade: websocket}. Another
     * protocol's upgrade (h2c) is an ordinary request here.
     */
    public static boolean isUpgrade(String method, String connection, String upgrade) {
        return "GET".equals(method)
                && upgrade != null
                && upgrade.trim().equalsIgnoreCase("websocket")
                && connection != null
                && hasToken(connection, "upgrade");
    }

    /** ws's key check: present, and 16 bytes in base64. */
    public static boolean validKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** ws's version check: {@code +header} is 13 or 8 (JavaScript's number conversion trims blanks). */
    public static boolean validVersion(String version) {
        if (version == null) return false;
        String v = version.strip();
        return v.equals("13") || v.equals("8");
    }

    /** {@code Sec-WebSocket-Accept}: base64 of the SHA-1 of the key and the RFC's GUID. */
    public static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /**
     * ws's {@code subprotocol.parse}: a comma-separated list of tokens, blanks allowed around commas, no duplicate
     * and no empty element. Returns the protocols in order, or null when the header is malformed.
     */
    public static List<String> parseProtocols(String header) {
        Set<String> protocols = new LinkedHashSet<>();
        for (String part : header.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty() || !isToken(name) || !protocols.add(name)) return null;
        }
        return new ArrayList<>(protocols);
    }

    private static boolean hasToken(String list, String token) {
        for (String part : list.split(",")) {
            if (part.strip().equalsIgnoreCase(token)) return true;
        }
        return false;
    }

    /** RFC 9110 token characters. */
    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= '0' && c <= '9'
                    || c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }
}
