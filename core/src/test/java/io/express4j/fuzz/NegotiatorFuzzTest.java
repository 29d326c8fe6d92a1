package io.express4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.express4j.http.Negotiator;
import java.util.Arrays;
import java.util.List;

/** Accept, Accept-Charset, Accept-Encoding and Accept-Language negotiation: never throws, and only ever picks
 *  among the offers. */
class NegotiatorFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void negotiate(byte[] input) {
        String[] f = FuzzInput.fields(input, 2);
        String header = f[0];
        List<String> offers =
                Arrays.stream(f[1].split(",", -1)).filter(s -> !s.isEmpty()).toList();
        assertThat(offers).containsAll(Negotiator.charsets(header, offers));
        assertThat(offers).containsAll(Negotiator.encodings(header, offers));
        assertThat(offers).containsAll(Negotiator.languages(header, offers));
        Negotiator.mediaTypes(header, offers);
        if (!offers.isEmpty()) { // the accepts* forms require offers, by contract
            Negotiator.acceptsType(header, offers, ext -> null);
            pickedFrom(offers, Negotiator.acceptsEncoding(header, offers));
            pickedFrom(offers, Negotiator.acceptsCharset(header, offers));
            pickedFrom(offers, Negotiator.acceptsLanguage(header, offers));
        }
        Negotiator.charsets(header, null);
        Negotiator.languages(header, null);
    }

    private static void pickedFrom(List<String> offers, String picked) {
        if (picked != null && !offers.isEmpty()) assertThat(offers).contains(picked);
    }
}
