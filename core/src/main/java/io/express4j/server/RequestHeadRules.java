package io.express4j.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The checks on a parsed request head that Netty's decoder does not make (RFC 9112 §3, §6, §7; RFC 9110 §7.2):
 * one {@code Host} (required in HTTP/1.1), one all-digits {@code Content-Length} (Netty lets HTTP/1.0 repeat it),
 * {@code Transfer-Encoding} exactly {@code chunked}, a method the app knows, and a request target in a form the
 * method allows. Netty already refuses Content-Length with Transfer-Encoding, a non-final {@code chunked} and
 * Transfer-Encoding in HTTP/1.0, with the settings {@link HttpServerEngine} turns on.
 */
final class RequestHeadRules {
    private RequestHeadRules() {}

    /**
     * Throws {@link RequestRejection} when the head must be refused; rewrites {@code Host} from an absolute-form
     * target, which RFC 9112 §3.2.2 says takes precedence.
     */
    static void check(HttpRequest request, Predicate<String> knownMethod) {
        HttpHeaders headers = request.headers();
        String method = request.method().name();
        if (method.equals("CONNECT")) throw new RequestRejection(501, "CONNECT tunnels are not supported");
        if (!knownMethod.test(method)) throw new RequestRejection(501, "unknown method " + method);

        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        boolean http11 = request.protocolVersion().minorVersion() >= 1;
        if (hosts.size() > 1) throw bad("more than one Host header");
        if (hosts.isEmpty() && http11) throw bad("HTTP/1.1 request without Host");
        if (!hosts.isEmpty() && !isValidHost(hosts.get(0))) throw bad("malformed Host");

        List<String> lengths = headers.getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (lengths.size() > 1) throw bad("more than one Content-Length");
        if (lengths.size() == 1 && !isDigits(lengths.get(0), 18)) throw bad("malformed Content-Length");

        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!codings.isEmpty() && !(codings.size() == 1 && codings.get(0).trim().equalsIgnoreCase("chunked"))) {
            // Netty has refused every form where chunked is not last: what is left applies a coding we lack.
            throw new RequestRejection(501, "unsupported transfer coding " + codings);
        }

        checkTarget(request, method);
    }

    /**
     * For a head Netty refused: 501 when its Transfer-Encoding names no {@code chunked} coding at all
     * ({@code xchunked}, {@code gzip}, {@code identity}): a coding this server does not implement (RFC 9112 §6.1).
     * Null otherwise — {@code chunked} present but not last stays Netty's 400, as RFC 9112 §6.3 requires.
     */
    static RequestRejection unsupportedCoding(HttpRequest refused) {
        // only Netty's verdict on the codings, not another failure of a head that happens to carry one
        if (!(refused.decoderResult().cause() instanceof IllegalArgumentException e)
                || e.getMessage() == null
                || !e.getMessage().startsWith("The final transfer coding must be chunked")) {
            return null;
        }
        List<String> lines = refused.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        for (String line : lines) {
            for (String coding : line.split(",", -1)) {
                if (coding.trim().equalsIgnoreCase("chunked")) return null;
            }
        }
        return new RequestRejection(501, "unsupported transfer coding " + lines);
    }

    private static void checkTarget(HttpRequest request, String method) {
        String target = request.uri();
        if (target.startsWith("/")) return;
        if (target.equals("*")) {
            if (method.equals("OPTIONS")) return;
            throw bad("asterisk-form target with " + method);
        }
        int authorityStart = schemeEnd(target);
        if (authorityStart < 0) throw bad("request target is neither origin-form nor absolute-form");
        int end = authorityStart;
        while (end < target.length() && "/?#".indexOf(target.charAt(end)) < 0) end++;
        String authority = target.substring(authorityStart, end);
        if (authority.isEmpty() || authority.indexOf('@') >= 0 || !isValidHost(authority)) {
            throw bad("malformed authority in an absolute-form target");
        }
        request.headers().set(HttpHeaderNames.HOST, authority);
    }

    /** Index after {@code http://} or {@code https://} (any case), or -1. */
    private static int schemeEnd(String target) {
        String lower =
                target.length() > 8 ? target.substring(0, 8).toLowerCase(Locale.ROOT) : target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) return 7;
        if (lower.startsWith("https://")) return 8;
        return -1;
    }

    /**
     * RFC 9110 §7.2: {@code uri-host [":" port]}, where uri-host is a reg-name (unreserved, sub-delims and
     * pct-encoded characters) or a bracketed IP literal. Empty is allowed (a URI without authority).
     */
    static boolean isValidHost(String host) {
        int n = host.length();
        int i = 0;
        if (n > 0 && host.charAt(0) == '[') {
            int close = host.indexOf(']');
            if (close < 0) return false;
            for (i = 1; i < close; i++) {
                char c = host.charAt(i);
                if (!(isHexDigit(c)
                        || c == ':'
                        || c == '.'
                        || c == 'v'
                        || c == 'V'
                        || isUnreserved(c)
                        || isSubDelim(c))) {
                    return false;
                }
            }
            i = close + 1;
        } else {
            while (i < n && host.charAt(i) != ':') {
                char c = host.charAt(i);
                if (!(isUnreserved(c) || isSubDelim(c) || c == '%')) return false;
                i++;
            }
        }
        if (i == n) return true;
        if (host.charAt(i) != ':') return false;
        return isDigits(host.substring(i + 1), 5) || i + 1 == n;
    }

    private static boolean isDigits(String s, int maxLength) {
        if (s.isEmpty() || s.length() > maxLength) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static boolean isSubDelim(char c) {
        return "!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static RequestRejection bad(String reason) {
        return new RequestRejection(400, reason);
    }
}
