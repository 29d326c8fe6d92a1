package io.express4j;

import io.express4j.http.CookieSignature;
import io.express4j.http.Cookies;
import io.express4j.routing.LoopSafe;
import io.express4j.spi.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * cookie-parser 1.4: fills {@code req.cookies()}, {@code req.signedCookies()} and {@code req.secret()} from the
 * Cookie header. Signed values ({@code s:value.signature}) are checked against each secret in turn (so secrets can
 * be rotated: sign with the first, still accept the others) and moved to the signed map, {@code false} when no
 * secret verifies them; {@code j:} values are parsed as JSON into maps, lists and scalars.
 */
final class CookieParser implements Middleware, LoopSafe {
    private final List<String> secrets;

    CookieParser(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    @Override
    public void handle(Request req, Response res, Next next) {
        if (req.cookies != null) {
            next.run();
            return;
        }
        req.secret = secrets.isEmpty() ? null : secrets.get(0);
        req.cookies = Map.of();
        req.signedCookies = Map.of();
        String header = req.get("Cookie");
        if (header != null && !header.isEmpty()) {
            CookieSignature.Split split = CookieSignature.parserResult(Cookies.parse(header), secrets);
            JsonMapper mapper = req.app().jsonMapper();
            req.cookies = plain(split.cookies(), mapper);
            req.signedCookies = plain(split.signedCookies(), mapper);
        }
        next.run();
    }

    /** JSON cookie values as the app's mapper reads JSON (maps, lists, strings, numbers, booleans). */
    private static Map<String, Object> plain(Map<String, Object> cookies, JsonMapper mapper) {
        Map<String, Object> out = new LinkedHashMap<>();
        cookies.forEach(
                (name, value) -> out.put(name, value instanceof JsonNode node ? mapper.parse(node.toString()) : value));
        return out;
    }
}
