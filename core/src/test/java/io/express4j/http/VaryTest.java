package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** vary 1.1.2's append, with cases from its test suite and EXPRESS.md §3.12. */
class VaryTest {

    @Test
    void appendsNewNamesKeepingTheFirstSpelling() {
        assertThat(Vary.append("", "Accept")).isEqualTo("Accept");
        assertThat(Vary.append("Accept", "accept, Origin")).isEqualTo("Accept, Origin");
        assertThat(Vary.append("Accept", List.of("Accept-Language", "Accept-Encoding")))
                .isEqualTo("Accept, Accept-Language, Accept-Encoding");
        assertThat(Vary.append("Accept, Accept-Encoding", "Accept-Encoding")).isEqualTo("Accept, Accept-Encoding");
        assertThat(Vary.append("", "  Accept ,  Origin ")).isEqualTo("Accept, Origin");
    }

    @Test
    void starAbsorbsEverything() {
        assertThat(Vary.append("*", "Accept")).isEqualTo("*");
        assertThat(Vary.append("Accept", "*")).isEqualTo("*");
        assertThat(Vary.append("Accept, *", "Origin")).isEqualTo("*");
    }

    @Test
    void emptyListLeavesTheHeaderAlone() {
        assertThat(Vary.append("", List.of())).isEmpty();
        assertThat(Vary.append("Origin", List.of())).isEqualTo("Origin");
    }

    @Test
    void rejectsMissingAndInvalidNames() {
        assertThatThrownBy(() -> Vary.append("", "")).hasMessage("field argument is required");
        assertThatThrownBy(() -> Vary.append("", "Accept,"))
                .hasMessage("field argument contains an invalid header name");
        assertThatThrownBy(() -> Vary.append("", "<Accept>"))
                .hasMessage("field argument contains an invalid header name");
        assertThatThrownBy(() -> Vary.append("", List.of("Accept, Origin")))
                .hasMessage("field argument contains an invalid header name");
    }
}
