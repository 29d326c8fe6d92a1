package io.express4j.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Entity tags exactly as the npm {@code etag} package (1.8.1) builds them, so that a client cache
 * primed by an Express server keeps validating against this one.
 *
 * <p>Body tags are {@code "<hex byte length>-<first 27 chars of base64(SHA-1)>"}; file tags use
 * the file's size and modification time instead. This runs on every {@code res.send}, so the
 * digest is reused per thread and the tag is assembled in one small byte array.
 */
public final class ETags {

    private static final byte[] BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Length of a SHA-1 digest in base64 without its single {@code =} padding character. */
    private static final int HASH_CHARS = 27;

    /**
     * Cloned per call: every request runs on a fresh virtual thread, so a thread-local digest would be created anew
     * each time, and cloning the initial state is cheaper than a provider lookup.
     */
    private static final MessageDigest SHA1 = newSha1();

    private ETags() {}

    /** Tag for the whole array; see {@link #generate(byte[], int, int, boolean)}. */
    public static String generate(byte[] body, boolean weak) {
        return generate(body, 0, body.length, weak);
    }

    /**
     * Tag for {@code length} bytes of {@code body} starting at {@code offset}, e.g. {@code
     * W/"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA"} for the UTF-8 bytes of {@code Hello World}. Strings must be
     * encoded to bytes by the caller the way Node does (UTF-8, lone surrogates as U+FFFD).
     */
    public static String generate(byte[] body, int offset, int length, boolean weak) {
        Objects.checkFromIndexSize(offset, length, body.length);
        MessageDigest sha1 = copy(SHA1);
        sha1.update(body, offset, length);
        byte[] digest = sha1.digest();

        int hexDigits = hexDigits(length);
        byte[] out = new byte[(weak ? 2 : 0) + 1 + hexDigits + 1 + HASH_CHARS + 1];
        int p = 0;
        if (weak) {
            out[p++] = 'W';
            out[p++] = '/';
        }
        out[p++] = '"';
        for (int shift = (hexDigits - 1) * 4; shift >= 0; shift -= 4) {
            out[p++] = HEX[(length >>> shift) & 0xF];
        }
        out[p++] = '-';
        // 20 digest bytes = 6 full base64 groups (24 chars) + 2 bytes (3 chars, padding dropped).
        int i = 0;
        for (; i < 18; i += 3) {
            int bits = ((digest[i] & 0xFF) << 16) | ((digest[i + 1] & 0xFF) << 8) | (digest[i + 2] & 0xFF);
            out[p++] = BASE64[(bits >>> 18) & 0x3F];
            out[p++] = BASE64[(bits >>> 12) & 0x3F];
            out[p++] = BASE64[(bits >>> 6) & 0x3F];
            out[p++] = BASE64[bits & 0x3F];
        }
        int bits = ((digest[18] & 0xFF) << 16) | ((digest[19] & 0xFF) << 8);
        out[p++] = BASE64[(bits >>> 18) & 0x3F];
        out[p++] = BASE64[(bits >>> 12) & 0x3F];
        out[p++] = BASE64[(bits >>> 6) & 0x3F];
        out[p] = '"';
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * Weak tag from file metadata, as {@code send}/{@code serve-static} emit it: {@code
     * W/"<size hex>-<mtime ms hex>"}, e.g. {@code W/"9-18cc820d888"}. Negative numbers are written
     * the way JS {@code Number.prototype.toString(16)} writes them ({@code -1a}).
     */
    public static String forFile(long size, long mtimeMillis) {
        return "W/\"" + jsHex(size) + '-' + jsHex(mtimeMillis) + '"';
    }

    private static String jsHex(long value) {
        return value < 0 ? "-" + Long.toHexString(-value) : Long.toHexString(value);
    }

    private static int hexDigits(int value) {
        return value == 0 ? 1 : (32 - Integer.numberOfLeadingZeros(value) + 3) / 4;
    }

    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newSha1();
        }
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
