package io.express4j.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fuzz inputs are raw bytes with NUL-separated fields, so that a seed corpus file reads as the values it holds
 * (e.g. {@code /users/:id\0/users/42}). Bytes map to chars one to one (Latin-1): every string is reachable.
 */
final class FuzzInput {
    private FuzzInput() {}

    /** The first {@code n} NUL-separated fields; missing ones are empty, the last takes the rest. */
    static String[] fields(byte[] input, int n) {
        String[] out = new String[n];
        Arrays.fill(out, "");
        int field = 0;
        int start = 0;
        for (int i = 0; i < input.length && field < n - 1; i++) {
            if (input[i] == 0) {
                out[field++] = new String(input, start, i - start, StandardCharsets.ISO_8859_1);
                start = i + 1;
            }
        }
        out[field] = new String(input, start, input.length - start, StandardCharsets.ISO_8859_1);
        return out;
    }
}
