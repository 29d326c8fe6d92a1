package io.express4j;

import java.util.List;

/**
 * Express's {@code res.jsonp}: the JSON of {@code res.json}, wrapped in a call to the callback named by the query
 * parameter of the {@code jsonp callback name} setting when there is one — sanitised, behind the {@code /**}{@code /}
 * Rosetta-Flash guard, with {@code X-Content-Type-Options: nosniff}.
 */
final class Jsonp {
    private Jsonp() {}

    /** The body to send ({@code null}: nothing, JavaScript's undefined); sets the headers on the way. */
    static String body(Request req, Response res, String json) {
        Object callback = req.query().get(String.valueOf(res.app().get("jsonp callback name")));
        if (!res.hasContentType()) {
            res.set("X-Content-Type-Options", "nosniff");
            res.set("Content-Type", "application/json");
        }
        if (callback instanceof List<?> list) callback = list.isEmpty() ? null : list.get(0);
        if (!(callback instanceof String name) || name.isEmpty()) return json;
        res.set("X-Content-Type-Options", "nosniff");
        res.set("Content-Type", "text/javascript");
        String cb = sanitize(name);
        String body = json == null ? "" : json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        return "/**/ typeof " + cb + " === 'function' && " + cb + "(" + body + ");";
    }

    /** Keeps ASCII letters, digits, {@code _ $ . [ ]}. */
    private static String sanitize(String callback) {
        StringBuilder out = new StringBuilder(callback.length());
        for (int i = 0; i < callback.length(); i++) {
            char c = callback.charAt(i);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '$'
                    || c == '.'
                    || c == '['
                    || c == ']') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
