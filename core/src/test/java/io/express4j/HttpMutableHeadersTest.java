package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import org.junit.jupiter.api.Test;

/** Node's header store under Express (Node's test-http-mutable-headers.js): what the handler reads back. */
class HttpMutableHeadersTest {

    @Test
    void getHeaderNamesListsLowerCasedNamesInFirstSetOrder() {
        App app = Express.app();
        app.get("/", (req, res) -> {
            res.set("X-B", "1");
            res.append("x-a", "2");
            res.setHeader("Content-TYPE", "text/plain");
            res.set("x-b", "3");
            res.removeHeader("X-A");
            res.set("X-A", "again");
            res.end(String.join(",", res.getHeaderNames()));
        });
        try (TestServer server = TestServer.serve(app)) {
            RawResponse r = server.get("/");
            // Express 5.3.0 on Node 20 answers ["x-powered-by","x-b","content-type","x-a"]
            assertThat(r.text()).isEqualTo("x-powered-by,x-b,content-type,x-a");
        }
    }
}
