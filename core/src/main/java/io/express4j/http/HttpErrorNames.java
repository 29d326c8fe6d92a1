package io.express4j.http;

/**
 * The constructor names npm {@code http-errors} 2.0 gives its errors ({@code NotFoundError},
 * {@code PayloadTooLargeError}, …), which Express's error page shows as the first line of {@code err.stack}.
 */
public final class HttpErrorNames {

    private HttpErrorNames() {}

    /**
     * The name for a 4xx or 5xx status: the {@code statuses} reason phrase as one identifier ending in {@code Error};
     * a status without a phrase takes its class's ({@code BadRequestError} for 4xx, {@code InternalServerError} for
     * 5xx), as {@code createError(499)} does.
     */
    public static String of(int status) {
        String reason = StatusCodes.reason(status);
        if (reason == null) return status < 500 ? "BadRequestError" : "InternalServerError";
        StringBuilder name = new StringBuilder();
        for (String word : reason.split(" ")) {
            if (word.isEmpty()) continue;
            name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        for (int i = name.length() - 1; i >= 0; i--) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '_') name.deleteCharAt(i);
        }
        return name.toString().endsWith("Error") ? name.toString() : name + "Error";
    }
}
