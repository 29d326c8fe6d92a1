package io.express4j.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.ClientAbortException;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The pieces of the conventions that need no request: server address and port, error.type. */
class ServerSpanAttributesTest {

    private static Attributes server(String host) {
        AttributesBuilder out = Attributes.builder();
        ServerSpanAttributes.putServer(host, out);
        return out.build();
    }

    @Test
    void theHostHeaderGivesTheServerAddressAndPort() {
        assertThat(server("shop.example:8443").asMap())
                .isEqualTo(Attributes.builder()
                        .put("server.address", "shop.example")
                        .put("server.port", 8443L)
                        .build()
                        .asMap());
        assertThat(server("shop.example").asMap())
                .isEqualTo(Attributes.builder()
                        .put("server.address", "shop.example")
                        .build()
                        .asMap());
    }

    @Test
    void anIpv6LiteralLosesItsBrackets() {
        assertThat(server("[::1]:3000").asMap())
                .isEqualTo(Attributes.builder()
                        .put("server.address", "::1")
                        .put("server.port", 3000L)
                        .build()
                        .asMap());
        assertThat(server("[2001:db8::1]").asMap())
                .isEqualTo(Attributes.builder()
                        .put("server.address", "2001:db8::1")
                        .build()
                        .asMap());
    }

    @Test
    void noHostOrABadPortAddsNoPort() {
        assertThat(server(null).isEmpty()).isTrue();
        assertThat(server("").isEmpty()).isTrue();
        assertThat(server("a.example:http").asMap())
                .isEqualTo(Attributes.builder()
                        .put("server.address", "a.example")
                        .build()
                        .asMap());
    }

    @Test
    void errorTypeIsSetOnlyForFailedRequests() {
        IllegalStateException thrown = new IllegalStateException();
        ClientAbortException gone = new ClientAbortException(new IOException("reset"));
        assertThat(ServerSpans.errorType(null, true, 200, null)).isNull();
        assertThat(ServerSpans.errorType(null, true, 404, new IllegalArgumentException()))
                .isNull();
        assertThat(ServerSpans.errorType(null, true, 500, null)).isEqualTo("500");
        assertThat(ServerSpans.errorType(null, true, 502, thrown)).isEqualTo("java.lang.IllegalStateException");
        assertThat(ServerSpans.errorType(gone, false, 200, null)).isEqualTo("io.express4j.ClientAbortException");
        assertThat(ServerSpans.errorType(gone, false, 200, thrown)).isEqualTo("java.lang.IllegalStateException");
        assertThat(ServerSpans.errorType(gone, true, 200, null)).isEqualTo("io.express4j.ClientAbortException");
    }
}
