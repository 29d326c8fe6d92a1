package io.express4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.FileError;
import io.express4j.HttpError;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Error names as npm http-errors 2.0.1 (with statuses 2.0.2) gives them: {@code createError(status).name} for every
 * 4xx and 5xx code statuses knows, and for two it does not (499 and 599 take their class's constructor).
 */
class HttpErrorsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
                400, BadRequestError
                401, UnauthorizedError
                402, PaymentRequiredError
                403, ForbiddenError
                404, NotFoundError
                405, MethodNotAllowedError
                406, NotAcceptableError
                407, ProxyAuthenticationRequiredError
                408, RequestTimeoutError
                409, ConflictError
                410, GoneError
                411, LengthRequiredError
                412, PreconditionFailedError
                413, PayloadTooLargeError
                414, URITooLongError
                415, UnsupportedMediaTypeError
                416, RangeNotSatisfiableError
                417, ExpectationFailedError
                418, ImATeapotError
                421, MisdirectedRequestError
                422, UnprocessableEntityError
                423, LockedError
                424, FailedDependencyError
                425, TooEarlyError
                426, UpgradeRequiredError
                428, PreconditionRequiredError
                429, TooManyRequestsError
                431, RequestHeaderFieldsTooLargeError
                451, UnavailableForLegalReasonsError
                500, InternalServerError
                501, NotImplementedError
                502, BadGatewayError
                503, ServiceUnavailableError
                504, GatewayTimeoutError
                505, HTTPVersionNotSupportedError
                506, VariantAlsoNegotiatesError
                507, InsufficientStorageError
                508, LoopDetectedError
                509, BandwidthLimitExceededError
                510, NotExtendedError
                511, NetworkAuthenticationRequiredError
                499, BadRequestError
                599, InternalServerError
                """)
    void namesEachStatusAsHttpErrorsDoes(int status, String name) {
        assertThat(HttpErrorNames.of(status)).isEqualTo(name);
        assertThat(HttpError.of(status).name()).isEqualTo(name);
    }

    @Test
    void theStringFormIsNameColonMessageAsErrStackBegins() {
        // createError(404).stack begins "NotFoundError: Not Found"; createError(404, 'custom') "NotFoundError: custom"
        assertThat(HttpError.of(404)).hasToString("NotFoundError: Not Found");
        assertThat(new HttpError(404, "custom")).hasToString("NotFoundError: custom");
        assertThat(new HttpError(413, "request entity too large"))
                .hasToString("PayloadTooLargeError: request entity too large");
    }

    @Test
    void fileErrorsKeepSendsNames() {
        // send: createError(404) for its own errors, Node's plain Error passed through for a failed system call
        assertThat(new FileError(404, Map.of())).hasToString("NotFoundError: Not Found");
        assertThat(new FileError(404, "ENOENT: no such file or directory, stat '/x'", "ENOENT"))
                .hasToString("Error: ENOENT: no such file or directory, stat '/x'");
    }
}
