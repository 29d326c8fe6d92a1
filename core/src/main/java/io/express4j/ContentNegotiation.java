package io.express4j;

import io.express4j.http.MimeTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Express's {@code res.format}: pick the entry whose key (a MIME type or an extension) the request accepts best,
 * always adding {@code Vary: Accept}; set the Content-Type from the key and run its handler. The special
 * {@code default} key is not negotiated: it runs when nothing matches; without it, a 406 {@link NotAcceptableError}.
 */
final class ContentNegotiation {
    static final String DEFAULT = "default";

    private ContentNegotiation() {}

    static void format(Request req, Response res, Map<String, ? extends Middleware> handlers) throws Exception {
        List<String> keys = offers(handlers.keySet());
        String key = negotiate(req, res, keys);
        Next next = req.routing.next;
        if (key != null) {
            handlers.get(key).handle(req, res, next);
        } else if (handlers.get(DEFAULT) != null) {
            handlers.get(DEFAULT).handle(req, res, next);
        } else {
            List<String> types = new ArrayList<>(keys.size());
            for (String k : keys) types.add(normalizeType(k));
            NotAcceptableError err = new NotAcceptableError(types);
            if (next == null) throw err;
            next.fail(err);
        }
    }

    /**
     * The negotiation step shared with {@code res.redirect}: adds {@code Vary: Accept}, returns the best key (or
     * null) and sets the Content-Type for it.
     */
    static String negotiate(Request req, Response res, List<String> keys) {
        String key = keys.isEmpty() ? null : req.accepts(keys);
        res.vary("Accept");
        if (key != null) res.set("Content-Type", normalizeType(key));
        return key;
    }

    /** Every key except {@code default}, in the map's order. */
    private static List<String> offers(Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) if (!k.equals(DEFAULT)) out.add(k);
        return out;
    }

    /** Express's {@code normalizeType}: a type without its parameters, or an extension's MIME type. */
    static String normalizeType(String type) {
        if (type.indexOf('/') >= 0) {
            int semi = type.indexOf(';');
            return (semi < 0 ? type : type.substring(0, semi)).strip();
        }
        String mime = MimeTypes.lookup(type);
        return mime == null ? "application/octet-stream" : mime;
    }
}
