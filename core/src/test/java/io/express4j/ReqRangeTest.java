package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Express's test/req.range.js. Express returns the range array with a {@code type} property; Java returns
 * {@link Ranges}, whose {@code ranges()} serialise like Express's array.
 */
class ReqRangeTest {

    private static App ranges(long size, boolean combine) {
        App app = Express.app();
        app.use((req, res, next) -> res.json(req.range(size, combine).ranges()));
        return app;
    }

    @Test
    void returnsParsedRanges() {
        assertThat(get(ranges(120, false), "/", "Range", "bytes=0-50,51-100").text())
                .isEqualTo("[{\"start\":0,\"end\":50},{\"start\":51,\"end\":100}]");
    }

    @Test
    void capsToTheGivenSize() {
        assertThat(get(ranges(75, false), "/", "Range", "bytes=0-100").text()).isEqualTo("[{\"start\":0,\"end\":74}]");
    }

    @Test
    void capsToTheGivenSizeWhenOpenEnded() {
        assertThat(get(ranges(75, false), "/", "Range", "bytes=0-").text()).isEqualTo("[{\"start\":0,\"end\":74}]");
    }

    @Test
    void hasAType() {
        App app = Express.app();
        app.use((req, res, next) -> res.json(req.range(120).type()));
        assertThat(get(app, "/", "Range", "bytes=0-100").text()).isEqualTo("\"bytes\"");
        assertThat(get(app, "/", "Range", "users=0-2").text()).isEqualTo("\"users\"");
    }

    @Test
    void isNullWithoutARange() {
        App app = Express.app();
        app.use((req, res, next) -> res.send(String.valueOf(req.range(120))));
        assertThat(get(app, "/").text()).isEqualTo("null");
    }

    @Test
    void combinesRangesWhenAsked() {
        assertThat(get(ranges(120, true), "/", "Range", "bytes=0-50,51-100").text())
                .isEqualTo("[{\"start\":0,\"end\":100}]");
    }

    @Test
    void reportsUnsatisfiableAndMalformedRanges() {
        App app = Express.app();
        app.use((req, res, next) -> res.json(req.range(10).status()));
        assertThat(get(app, "/", "Range", "bytes=20-30").text()).isEqualTo("-1");
        assertThat(get(app, "/", "Range", "bytes").text()).isEqualTo("-2");
    }
}
