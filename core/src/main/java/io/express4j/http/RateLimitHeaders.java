package io.express4j.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The header values express-rate-limit 8 writes: the legacy {@code X-RateLimit-*} trio, and the IETF
 * {@code RateLimit} drafts 6 ({@code RateLimit-Limit}/{@code -Remaining}/{@code -Reset}), 7 (one combined
 * {@code RateLimit}) and 8 (structured fields naming the quota and a partition key).
 */
public final class RateLimitHeaders {
    private RateLimitHeaders() {}

    /** Whole seconds until the window resets (never negative); the whole window when the store gave no reset time. */
    public static long resetSeconds(long windowMs, Instant resetTime, long nowMillis) {
        if (resetTime == null) return ceilSeconds(windowMs);
        return Math.max(0, ceilSeconds(resetTime.toEpochMilli() - nowMillis));
    }

    /** {@code X-RateLimit-Reset}: the reset time in Unix seconds, rounded up. */
    public static String legacyReset(Instant resetTime) {
        return Long.toString(ceilSeconds(resetTime.toEpochMilli()));
    }

    /** Draft 6 and 7's {@code RateLimit-Policy}: {@code 100;w=60}. */
    public static String policy(int limit, long windowMs) {
        return limit + ";w=" + ceilSeconds(windowMs);
    }

    /** Draft 7's {@code RateLimit}: {@code limit=100, remaining=99, reset=60}. */
    public static String draft7(int limit, int remaining, long resetSeconds) {
        return "limit=" + limit + ", remaining=" + remaining + ", reset=" + resetSeconds;
    }

    /** Draft 8's {@code RateLimit}: {@code "100-in-1min"; r=99; t=60}. */
    public static String draft8(String name, int remaining, long resetSeconds) {
        return "\"" + name + "\"; r=" + remaining + "; t=" + resetSeconds;
    }

    /** Draft 8's {@code RateLimit-Policy}: {@code "100-in-1min"; q=100; w=60; pk=:…:}. */
    public static String draft8Policy(String name, int limit, long windowMs, String key) {
        return "\"" + name + "\"; q=" + limit + "; w=" + ceilSeconds(windowMs) + "; pk=:" + partitionKey(key) + ":";
    }

    /**
     * The partition key: the first 12 hex digits of the key's SHA-256, as base64 of those ASCII digits (what
     * express-rate-limit sends, so a client can tell its buckets apart without learning the key).
     */
    public static String partitionKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest, 0, 6);
            return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** The default quota name: {@code 5-in-1min}, {@code 1-in-5sec}, {@code 6-in-1hr}, {@code 8-in-2days}. */
    public static String quotaName(int limit, long windowMs) {
        double seconds = windowMs / 1e3;
        double minutes = windowMs / 6e4;
        double hours = windowMs / 3.6e6;
        double days = windowMs / 8.64e7;
        String duration;
        if (seconds < 60) duration = JsStrings.numberToString(seconds) + "sec";
        else if (minutes < 60) duration = JsStrings.numberToString(minutes) + "min";
        else if (hours < 24) duration = JsStrings.numberToString(hours) + "hr" + (hours > 1 ? "s" : "");
        else duration = JsStrings.numberToString(days) + "day" + (days > 1 ? "s" : "");
        return limit + "-in-" + duration;
    }

    private static long ceilSeconds(long millis) {
        return Math.ceilDiv(millis, 1000L);
    }
}
