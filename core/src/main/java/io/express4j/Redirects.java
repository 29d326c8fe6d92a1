package io.express4j;

import io.express4j.http.Html;
import io.express4j.http.StatusCodes;
import java.util.List;

/**
 * The body of Express 5.3's {@code res.redirect}, negotiated over text and HTML: {@code Found. Redirecting to X}, a
 * small HTML document with the (escaped) link, or nothing when neither is acceptable.
 */
final class Redirects {
    private static final List<String> OFFERS = List.of("text", "html");

    private Redirects() {}

    /** Negotiates (setting {@code Vary} and the Content-Type) and returns the body for {@code status} and the encoded location. */
    static String body(Request req, Response res, int status, String location) {
        String key = ContentNegotiation.negotiate(req, res, OFFERS);
        String reason = StatusCodes.reason(status);
        if (reason == null) reason = "undefined"; // what Express prints for a code without a reason phrase
        if ("text".equals(key)) {
            return reason + ". Redirecting to " + location;
        }
        if ("html".equals(key)) {
            return "<!DOCTYPE html><head><title>" + reason + "</title></head><body><p>" + reason + ". Redirecting to "
                    + Html.escape(location) + "</p></body>";
        }
        return "";
    }
}
