package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/req.acceptsEncodings.js (Express's {@code false} is null in Java; sent here as false). */
class ReqAcceptsEncodingsTest {

    static Object orFalse(Object v) {
        return v == null ? false : v;
    }

    @Test
    void returnsTheEncodingIfAccepted() {
        App app = Express.app();
        app.get("/", (req, res) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("gzip", orFalse(req.acceptsEncodings("gzip")));
            body.put("deflate", orFalse(req.acceptsEncodings("deflate")));
            res.send(body);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", " gzip, deflate");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("{\"gzip\":\"gzip\",\"deflate\":\"deflate\"}");
    }

    @Test
    void isFalseIfTheEncodingIsNotAccepted() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send(Map.of("bogus", orFalse(req.acceptsEncodings("bogus")))));
        assertThat(get(app, "/", "Accept-Encoding", " gzip, deflate").text()).isEqualTo("{\"bogus\":false}");
    }

    @Test
    void onlyIdentityWithoutAnAcceptEncodingHeader() {
        App app = Express.app();
        app.get("/", (req, res) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("gzip", orFalse(req.acceptsEncodings("gzip")));
            body.put("all", req.acceptsEncodings());
            res.send(body);
        });
        assertThat(get(app, "/").text()).isEqualTo("{\"gzip\":false,\"all\":[\"identity\"]}");
    }
}
