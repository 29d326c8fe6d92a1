package io.express4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.HttpError;
import org.junit.jupiter.api.Test;

/** The tag rules alone: Spring Boot's {@code DefaultServerRequestObservationConvention}. */
class RequestTagsTest {

    @Test
    void aMatchedRouteIsItsTemplate() {
        assertThat(RequestTags.of("GET", "/api/users/:id", 200, false, null))
                .isEqualTo(new RequestTags("GET", "/api/users/:id", "200", "SUCCESS", "none"));
    }

    @Test
    void anEmptyTemplateIsRoot() {
        assertThat(RequestTags.of("GET", "", 200, false, null).uri()).isEqualTo("root");
        assertThat(RequestTags.of("GET", "/", 200, false, null).uri()).isEqualTo("/");
    }

    @Test
    void withoutARouteTheStatusNamesTheUri() {
        assertThat(RequestTags.of("GET", null, 404, false, null).uri()).isEqualTo("NOT_FOUND");
        assertThat(RequestTags.of("GET", null, 301, false, null).uri()).isEqualTo("REDIRECTION");
        assertThat(RequestTags.of("GET", null, 304, false, null).uri()).isEqualTo("REDIRECTION");
        assertThat(RequestTags.of("GET", null, 200, false, null).uri()).isEqualTo("UNKNOWN");
        assertThat(RequestTags.of("GET", null, 500, false, null).uri()).isEqualTo("UNKNOWN");
        assertThat(RequestTags.of("GET", "/a/:b", 404, false, null).uri()).isEqualTo("/a/:b");
    }

    @Test
    void outcomesFollowTheStatusClass() {
        assertThat(RequestTags.of("GET", "/", 101, false, null).outcome()).isEqualTo("INFORMATIONAL");
        assertThat(RequestTags.of("GET", "/", 204, false, null).outcome()).isEqualTo("SUCCESS");
        assertThat(RequestTags.of("GET", "/", 302, false, null).outcome()).isEqualTo("REDIRECTION");
        assertThat(RequestTags.of("GET", "/", 418, false, null).outcome()).isEqualTo("CLIENT_ERROR");
        assertThat(RequestTags.of("GET", "/", 503, false, null).outcome()).isEqualTo("SERVER_ERROR");
        assertThat(RequestTags.of("GET", "/", 600, false, null).outcome()).isEqualTo("UNKNOWN");
    }

    @Test
    void aClientThatLeftHasNoStatus() {
        assertThat(RequestTags.of("GET", "/slow", 200, true, null))
                .isEqualTo(new RequestTags("GET", "/slow", "UNKNOWN", "UNKNOWN", "none"));
    }

    @Test
    void methodsSpringDoesNotKnowAreUnknown() {
        for (String m : new String[] {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"}) {
            assertThat(RequestTags.of(m, "/", 200, false, null).method()).isEqualTo(m);
        }
        assertThat(RequestTags.of("PURGE", "/", 200, false, null).method()).isEqualTo("UNKNOWN");
        assertThat(RequestTags.of("get", "/", 200, false, null).method()).isEqualTo("UNKNOWN");
    }

    @Test
    void theExceptionIsItsSimpleClassName() {
        assertThat(RequestTags.of("GET", "/", 500, false, new IllegalStateException("x"))
                        .exception())
                .isEqualTo("IllegalStateException");
        assertThat(RequestTags.of("GET", "/", 418, false, new HttpError(418, "teapot"))
                        .exception())
                .isEqualTo("HttpError");
        RuntimeException anonymous = new RuntimeException() {};
        assertThat(RequestTags.of("GET", "/", 500, false, anonymous).exception())
                .isEqualTo(anonymous.getClass().getName());
    }

    @Test
    void tagsAreTheFiveNames() {
        assertThat(RequestTags.of("GET", "/x", 200, false, null).tags().stream()
                        .map(t -> t.getKey() + "=" + t.getValue()))
                .containsExactly("exception=none", "method=GET", "outcome=SUCCESS", "status=200", "uri=/x");
    }
}
