package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/res.links.js. */
class ResLinksTest {

    private static Map<String, Object> nextLast() {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("next", "http://api.example.com/users?page=2");
        links.put("last", "http://api.example.com/users?page=5");
        return links;
    }

    @Test
    void setsTheLinkHeader() {
        App app = Express.app();
        app.use((Handler) (req, res) -> {
            res.links(nextLast());
            res.end();
        });
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Link"))
                .isEqualTo("<http://api.example.com/users?page=2>; rel=\"next\", "
                        + "<http://api.example.com/users?page=5>; rel=\"last\"");
    }

    @Test
    void appendsOnMultipleCalls() {
        App app = Express.app();
        app.use((Handler) (req, res) -> {
            res.links(nextLast());
            res.links(Map.of("prev", "http://api.example.com/users?page=1"));
            res.end();
        });
        assertThat(get(app, "/").header("Link"))
                .isEqualTo("<http://api.example.com/users?page=2>; rel=\"next\", "
                        + "<http://api.example.com/users?page=5>; rel=\"last\", "
                        + "<http://api.example.com/users?page=1>; rel=\"prev\"");
    }

    @Test
    void setsSeveralLinksForOneRel() {
        App app = Express.app();
        app.use((Handler) (req, res) -> {
            Map<String, Object> links = new LinkedHashMap<>();
            links.put("next", "http://api.example.com/users?page=2");
            links.put("last", List.of("http://api.example.com/users?page=5", "http://api.example.com/users?page=1"));
            res.links(links);
            res.end();
        });
        assertThat(get(app, "/").header("Link"))
                .isEqualTo("<http://api.example.com/users?page=2>; rel=\"next\", "
                        + "<http://api.example.com/users?page=5>; rel=\"last\", "
                        + "<http://api.example.com/users?page=1>; rel=\"last\"");
    }

    @Test
    void appendsToALinkHeaderSetBefore() {
        App app = Express.app();
        app.use((Handler) (req, res) -> {
            res.set("Link", "<a>; rel=\"x\"");
            res.links(Map.of("next", "/n"));
            res.end();
        });
        assertThat(get(app, "/").header("Link")).isEqualTo("<a>; rel=\"x\", </n>; rel=\"next\"");
    }
}
