package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.spi.JsonMapper;
import io.express4j.support.RawResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code req.bodyAs(Type.class)} (beyond Express): the parsed body converted to a type by the app's JSON mapper,
 * directly rather than through JSON text — with the same result as parsing the body's text into that type.
 */
class ReqBodyAsTest {
    record Point(int x, double y) {}

    record Order(String id, List<Point> points, Map<String, List<Integer>> tags, long total, BigDecimal price) {}

    /** A bean with a no-argument constructor and setters, as Jackson maps them. */
    public static final class Customer {
        private String name;
        private int age;
        private List<String> emails;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }

        public List<String> getEmails() {
            return emails;
        }

        public void setEmails(List<String> emails) {
            this.emails = emails;
        }
    }

    private static final String ORDER = "{\"id\":\"o-1\",\"points\":[{\"x\":1,\"y\":2.5},{\"x\":-3,\"y\":4}],"
            + "\"tags\":{\"a\":[1,2],\"b\":[]},\"total\":9007199254740991,\"price\":19.99}";

    private static RawResponse post(String json, Handler handler) {
        App app = Express.app();
        app.set("env", "test");
        app.use(Express.json());
        app.post("/", handler);
        return once(app, "POST", "/", Map.of("Content-Type", "application/json"), json);
    }

    @Test
    void convertsToARecordWithNestedRecordsListsMapsAndNumbers() {
        RawResponse r = post(ORDER, (req, res) -> {
            Order order = req.bodyAs(Order.class);
            assertThat(order.id()).isEqualTo("o-1");
            assertThat(order.points()).containsExactly(new Point(1, 2.5), new Point(-3, 4.0));
            assertThat(order.tags()).containsExactly(Map.entry("a", List.of(1, 2)), Map.entry("b", List.of()));
            assertThat(order.total()).isEqualTo(9007199254740991L);
            assertThat(order.price()).isEqualByComparingTo("19.99");
            res.json(order);
        });
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo(ORDER);
    }

    @Test
    void convertsToABean() {
        RawResponse r = post("{\"name\":\"tobi\",\"age\":3,\"emails\":[\"t@x.io\"]}", (req, res) -> {
            Customer c = req.bodyAs(Customer.class);
            res.send(c.getName() + "/" + c.getAge() + "/" + c.getEmails());
        });
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("tobi/3/[t@x.io]");
    }

    @Test
    void aBodyOfTheAskedTypeOrNoBodyIsReturnedAsItIs() {
        RawResponse r = post("[1,2]", (req, res) -> {
            Object list = req.bodyAs(List.class);
            assertThat(list).isSameAs(req.body());
            res.send(req.bodyAs(Object.class) == req.body() ? "same" : "copied");
        });
        assertThat(r.text()).isEqualTo("same");
        App app = Express.app();
        app.get("/", (req, res) -> res.send(String.valueOf(req.bodyAs(Point.class))));
        assertThat(once(app, "GET", "/").text()).isEqualTo("null");
    }

    @Test
    void aBodyThatDoesNotFitIsA500() {
        RawResponse r = post("{\"x\":\"not a number\"}", (req, res) -> res.json(req.bodyAs(Point.class)));
        assertThat(r.status()).isEqualTo(500);
    }

    /** The direct conversion agrees with the text round trip it replaced, for every shape a body parser makes. */
    @Test
    void conversionMatchesParsingTheText() {
        JsonMapper mapper = new JacksonJsonMapper();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("x", 7);
        body.put("y", 1.0);
        Object[] samples = {
            mapper.parse(ORDER), body, mapper.parse("{\"x\":1e2,\"y\":-0.5}"), mapper.parse("{\"x\":2,\"y\":1e21}")
        };
        for (Object sample : samples) {
            Class<?> type = sample == samples[0] ? Order.class : Point.class;
            Object viaText = mapper.parse(mapper.stringify(sample, ""), type);
            assertThat(mapper.convert(sample, type)).isEqualTo(viaText);
        }
        Object list = mapper.convert(List.of(1, 2.5, "a"), List.class);
        assertThat(list).isEqualTo(List.of(1, 2.5, "a"));
        Object nested = mapper.convert(Map.of("a", List.of(Map.of("b", 1))), Map.class);
        assertThat(nested).isEqualTo(Map.of("a", List.of(Map.of("b", 1))));
    }
}
