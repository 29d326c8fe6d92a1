package io.express4j;

/**
 * npm {@code cookie-signature} 1.2 for apps: the signing Express uses for {@code res.cookie(…, signed)} and
 * {@code req.signedCookies}, for values an app signs itself (a signed token in a link, a cookie set by hand).
 * HMAC-SHA256, the signature in unpadded Base64 after a {@code .}; checks run in constant time.
 */
public final class CookieSignature {

    private CookieSignature() {}

    /**
     * {@code value + "." + signature}, as cookie-signature's {@code sign(val, secret)}.
     *
     * @param value the value to sign
     * @param secret the key
     * @return the signed value
     * @throws IllegalArgumentException when {@code value} or {@code secret} is null (cookie-signature's TypeError)
     */
    public static String sign(String value, String secret) {
        return io.express4j.http.CookieSignature.sign(value, secret);
    }

    /**
     * The value {@code signed} carries when its signature is valid for {@code secret}, else {@code null}
     * (cookie-signature's {@code unsign} returns {@code false}).
     *
     * @param signed a value produced by {@link #sign}
     * @param secret the key it was signed with
     * @return the original value, or null when the signature does not match
     * @throws IllegalArgumentException when {@code signed} or {@code secret} is null (cookie-signature's TypeError)
     */
    public static String unsign(String signed, String secret) {
        return io.express4j.http.CookieSignature.unsign(signed, secret);
    }
}
