package io.express4j.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed and JSON cookie values: npm {@code cookie-signature} 1.2.2 ({@code sign}/{@code unsign},
 * HMAC-SHA256, unpadded Base64, constant-time check) as used by Express's signed {@code res.cookie},
 * and npm {@code cookie-parser} 1.4.7's value helpers ({@code signedCookie}, {@code signedCookies},
 * {@code JSONCookie}, {@code JSONCookies}) that produce {@code req.signedCookies} / {@code req.cookies}.
 */
public final class CookieSignature {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CookieSignature() {}

    /** {@code value + "." + base64(HMAC-SHA256(secret, value))} without trailing {@code =}. */
    public static String sign(String value, String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("Secret key must be provided.");
        }
        return sign(value, JsStrings.utf8(secret));
    }

    /** As {@link #sign(String, String)} with a binary key (cookie-signature accepts Buffers). */
    public static String sign(String value, byte[] secret) {
        if (value == null) {
            throw new IllegalArgumentException("Cookie value must be provided as a string.");
        }
        if (secret == null) {
            throw new IllegalArgumentException("Secret key must be provided.");
        }
        byte[] mac = hmacSha256(secret, JsStrings.utf8(value));
        String b64 = Base64.getEncoder().encodeToString(mac);
        int end = b64.length();
        while (end > 0 && b64.charAt(end - 1) == '=') {
            end--;
        }
        return value + "." + b64.substring(0, end);
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // An empty key is legal for HMAC; SecretKeySpec refuses it, so pad to the block-equivalent zero key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * The value before the last {@code .} when {@code signed} carries a valid signature for it,
     * else {@code null} (cookie-signature's {@code false}). Compared in constant time.
     */
    public static String unsign(String signed, String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("Secret key must be provided.");
        }
        return unsign(signed, JsStrings.utf8(secret));
    }

    /** As {@link #unsign(String, String)} with a binary key. */
    public static String unsign(String signed, byte[] secret) {
        if (signed == null) {
            throw new IllegalArgumentException("Signed cookie string must be provided.");
        }
        if (secret == null) {
            throw new IllegalArgumentException("Secret key must be provided.");
        }
        int dot = signed.lastIndexOf('.');
        // JavaScript slice(0, -1) when there is no dot: drops the last character.
        String tentative = dot >= 0 ? signed.substring(0, dot) : signed.substring(0, Math.max(0, signed.length() - 1));
        byte[] expected = JsStrings.utf8(sign(tentative, secret));
        byte[] actual = JsStrings.utf8(signed);
        return expected.length == actual.length && MessageDigest.isEqual(expected, actual) ? tentative : null;
    }

    /**
     * cookie-parser {@code signedCookie(str, secrets)}: a value not starting with {@code s:} is
     * returned unchanged; otherwise the unsigned value for the first secret that verifies, or
     * {@link Boolean#FALSE} when none does. {@code null} input gives {@code null} (undefined).
     */
    public static Object signedCookie(String str, List<String> secrets) {
        if (str == null) {
            return null;
        }
        if (!str.startsWith("s:")) {
            return str;
        }
        for (String secret : secrets) {
            String value = unsign(str.substring(2), secret);
            if (value != null) {
                return value;
            }
        }
        return Boolean.FALSE;
    }

    /** The two maps cookie-parser derives: plain cookies (signed ones removed) and signed cookies. */
    public record Split(Map<String, Object> cookies, Map<String, Object> signedCookies) {}

    /**
     * cookie-parser's handling of a parsed cookie map: every {@code s:} value moves to
     * {@code signedCookies} (unsigned value, or {@code false} when tampered), then JSON values
     * ({@code j:} prefix) are inflated in both maps. With no secrets nothing is treated as signed.
     */
    public static Split parserResult(Map<String, String> parsed, List<String> secrets) {
        Map<String, Object> cookies = new LinkedHashMap<>(parsed);
        Map<String, Object> signed = new LinkedHashMap<>();
        if (!secrets.isEmpty()) {
            for (Map.Entry<String, String> e : parsed.entrySet()) {
                Object dec = signedCookie(e.getValue(), secrets);
                if (!e.getValue().equals(dec)) {
                    signed.put(e.getKey(), dec);
                    cookies.remove(e.getKey());
                }
            }
        }
        return new Split(jsonCookies(cookies), jsonCookies(signed));
    }

    /**
     * cookie-parser {@code JSONCookie(str)}: for a {@code j:} value, the JSON after the prefix;
     * {@code null} (undefined) when the prefix is missing or the JSON is invalid.
     */
    public static JsonNode jsonCookie(String str) {
        if (str == null || !str.startsWith("j:")) {
            return null;
        }
        String text = str.substring(2);
        if (text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * cookie-parser {@code JSONCookies(obj)}: each string value whose {@link #jsonCookie} result is
     * truthy in JavaScript terms (not null/false/0/"") is replaced by that {@link JsonNode}.
     */
    public static Map<String, Object> jsonCookies(Map<String, ?> cookies) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : cookies.entrySet()) {
            Object v = e.getValue();
            JsonNode node = v instanceof String s ? jsonCookie(s) : null;
            out.put(e.getKey(), node != null && truthy(node) ? node : v);
        }
        return Collections.unmodifiableMap(out);
    }

    private static boolean truthy(JsonNode node) {
        if (node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            Number n = node.numberValue();
            if (n instanceof BigDecimal bd) {
                return bd.signum() != 0;
            }
            if (n instanceof BigInteger bi) {
                return bi.signum() != 0;
            }
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        if (node.isString()) {
            return !node.stringValue().isEmpty();
        }
        return true;
    }
}
