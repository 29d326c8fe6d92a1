package io.express4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.express4j.http.CookieSignature;
import io.express4j.http.Cookies;
import java.util.List;
import java.util.Map;

/** cookie parsing never throws; a signed value unsigns to itself with its secret and to nothing with another or
 *  after tampering; cookie-parser's signed/JSON cookie helpers accept anything. */
class CookiesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parseAndSign(byte[] input) {
        String[] f = FuzzInput.fields(input, 3);
        Map<String, String> parsed = Cookies.parse(f[0]);
        assertThat(parsed).isNotNull();
        String secret = f[1].isEmpty() ? "keyboard cat" : f[1];
        String value = f[2];
        String signed = CookieSignature.sign(value, secret);
        assertThat(CookieSignature.unsign(signed, secret)).isEqualTo(value);
        assertThat(CookieSignature.unsign(signed, secret + "x")).isNull();
        assertThat(CookieSignature.unsign(signed + "x", secret)).isNull();
        CookieSignature.unsign(f[0], secret);
        CookieSignature.signedCookie(f[0], List.of(secret));
        CookieSignature.parserResult(parsed, List.of(secret));
        CookieSignature.jsonCookie(f[0]);
        CookieSignature.jsonCookies(parsed);
    }
}
