package io.express4j.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * npm keygrip 1.1 with its defaults, as the {@code cookies} package signs with it: HMAC-SHA1 of the data under a
 * key, in base64 with {@code /}→{@code _}, {@code +}→{@code -} and no {@code =}. The first key signs; any key
 * verifies, and which one did tells whether the signature should be renewed with the first.
 */
public final class Keygrip {
    private Keygrip() {}

    /** The signature of {@code data} under {@code key}. */
    public static String sign(String data, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            byte[] keyBytes = JsStrings.utf8(key);
            // An empty key is legal for HMAC; SecretKeySpec refuses it, and a one-zero-byte key hashes the same.
            mac.init(new SecretKeySpec(keyBytes.length == 0 ? new byte[1] : keyBytes, "HmacSHA1"));
            String b64 = Base64.getEncoder().encodeToString(mac.doFinal(JsStrings.utf8(data)));
            return b64.replace('/', '_').replace('+', '-').replace("=", "");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** The index of the key whose signature of {@code data} is {@code digest} (compared in constant time), or -1. */
    public static int index(String data, String digest, List<String> keys) {
        byte[] actual = digest.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < keys.size(); i++) {
            byte[] expected = sign(data, keys.get(i)).getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(expected, actual)) return i;
        }
        return -1;
    }
}
