package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An app run without any SLF4J provider on the class path. finalhandler prints {@code err.stack} to standard error
 * (outside the {@code test} env); SLF4J alone would drop it, so express4j writes its warnings and errors there.
 */
class NoSlf4jProviderTest {

    @Test
    void anErrorGoesToStandardErrorWhenSlf4jHasNoProvider() throws Exception {
        ChildJvm.Result result = ChildJvm.run(FailingProgram.class, entry -> entry.contains("slf4j-simple"));

        assertThat(result.exitCode()).as("stderr: %s", result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("HTTP/1.1 500 Internal Server Error\n");
        assertThat(result.stderr())
                .contains("SLF4J(W): No SLF4J providers were found.")
                .contains("ERROR io.express4j - GET /fail\njava.lang.IllegalStateException: boom\n\tat ")
                .contains("FailingProgram");
    }

    @Test
    void theSameErrorGoesToTheProviderWhenThereIsOne() throws Exception {
        ChildJvm.Result result = ChildJvm.run(FailingProgram.class, entry -> false);

        assertThat(result.stdout()).isEqualTo("HTTP/1.1 500 Internal Server Error\n");
        // slf4j-simple's layout ("[thread] ERROR …"), not the fallback's line-initial "ERROR …"
        assertThat(result.stderr())
                .contains("] ERROR io.express4j - GET /fail")
                .doesNotContain("No SLF4J providers")
                .doesNotStartWith("ERROR")
                .doesNotContain("\nERROR io.express4j")
                .contains("java.lang.IllegalStateException: boom");
    }

    /** An app whose route throws, asked once for that route; prints the status line it got. */
    public static final class FailingProgram {
        public static void main(String[] args) throws Exception {
            App app = Express.app();
            app.set("env", "development");
            app.get("/fail", (req, res) -> {
                throw new IllegalStateException("boom");
            });
            Server server = app.listen(0, "127.0.0.1");
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.getOutputStream()
                        .write("GET /fail HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                String statusLine = new BufferedReader(
                                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                System.out.println(statusLine);
            } finally {
                server.close();
            }
        }
    }
}
