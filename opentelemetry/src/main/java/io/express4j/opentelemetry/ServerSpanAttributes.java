package io.express4j.opentelemetry;

import io.express4j.Request;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.semconv.ClientAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;
import java.util.Set;

/**
 * The stable HTTP semantic conventions (semconv 1.37) of a server request, read from an express4j request: what a
 * span knows when it starts, and the few values shared with the duration metric.
 */
final class ServerSpanAttributes {
    /** The methods the conventions know; any other is {@code _OTHER}, its spelling kept in method_original. */
    private static final Set<String> KNOWN_METHODS =
            Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE");

    static final String OTHER = "_OTHER";

    private ServerSpanAttributes() {}

    /** {@code http.request.method}: the method the client sent, or {@code _OTHER}. */
    static String method(Request req) {
        String method = req.originalMethod();
        return KNOWN_METHODS.contains(method) ? method : OTHER;
    }

    /** {@code network.protocol.version}: {@code 1.0}, {@code 1.1}, {@code 2} (the conventions drop HTTP/2's ".0"). */
    static String protocolVersion(Request req) {
        String version = req.httpVersion();
        return version.endsWith(".0") && !version.equals("1.0") ? version.substring(0, version.length() - 2) : version;
    }

    /** Everything known before the handlers run, set on the span about to start. */
    static void onStart(Request req, String method, String scheme, SpanBuilder out) {
        out.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, method);
        if (method.equals(OTHER)) out.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL, req.originalMethod());
        String target = req.originalUrl();
        int query = target.indexOf('?');
        out.setAttribute(UrlAttributes.URL_PATH, query < 0 ? target : target.substring(0, query));
        if (query >= 0) out.setAttribute(UrlAttributes.URL_QUERY, target.substring(query + 1));
        out.setAttribute(UrlAttributes.URL_SCHEME, scheme);
        String host = req.host();
        if (host != null && !host.isEmpty()) {
            AttributesBuilder server = Attributes.builder();
            putServer(host, server);
            out.setAllAttributes(server.build());
        }
        putIfPresent(out, ClientAttributes.CLIENT_ADDRESS, req.ip());
        out.setAttribute(NetworkAttributes.NETWORK_PROTOCOL_VERSION, protocolVersion(req));
        putIfPresent(out, UserAgentAttributes.USER_AGENT_ORIGINAL, req.get("User-Agent"));
    }

    /**
     * {@code server.address} and {@code server.port} from the Host (or trusted X-Forwarded-Host) the client named,
     * as the conventions ask; an IPv6 literal loses its brackets, the port is set only when the header has one.
     */
    static void putServer(String host, AttributesBuilder out) {
        if (host == null || host.isEmpty()) return;
        int end = host.startsWith("[") ? host.indexOf(']') + 1 : 0;
        int colon = host.indexOf(':', end);
        String name = colon < 0 ? host : host.substring(0, colon);
        if (name.startsWith("[") && name.endsWith("]")) name = name.substring(1, name.length() - 1);
        out.put(ServerAttributes.SERVER_ADDRESS, name);
        if (colon >= 0) {
            try {
                out.put(ServerAttributes.SERVER_PORT, Long.parseLong(host.substring(colon + 1)));
            } catch (NumberFormatException notAPort) {
                // a malformed Host port names no port
            }
        }
    }

    private static void putIfPresent(SpanBuilder out, AttributeKey<String> key, String value) {
        if (value != null && !value.isEmpty()) out.setAttribute(key, value);
    }
}
