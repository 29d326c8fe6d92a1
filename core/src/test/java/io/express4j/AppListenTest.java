package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * {@code app.listen} on an address that cannot be bound (Express's app.listen.js covers the success path; a busy
 * port is Node's EADDRINUSE). Node exits on the unhandled error; express4j throws, and must leave nothing running
 * behind, so a program whose {@code main} ends there exits.
 */
class AppListenTest {

    @Test
    void aBusyPortThrowsAnUncheckedIoExceptionNamingTheAddress() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            App app = Express.app();
            assertThatThrownBy(() -> app.listen(busy.getLocalPort(), "127.0.0.1"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("listen 127.0.0.1:" + busy.getLocalPort() + ": ")
                    .hasMessageContaining("Address already in use")
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void aProgramWhoseListenFailedExits() throws Exception {
        ChildJvm.Result result = ChildJvm.run(BusyPortProgram.class, entry -> false);

        assertThat(result.killed())
                .as("the JVM should exit after a failed listen; stderr: %s", result.stderr())
                .isFalse();
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("listen failed: listen ").contains("Address already in use");
    }

    /** Binds a port, then asks an app to listen on it too, reports the failure and returns from main. */
    public static final class BusyPortProgram {
        public static void main(String[] args) throws Exception {
            try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                Express.app().listen(busy.getLocalPort(), "127.0.0.1");
                System.out.println("listen succeeded on a busy port");
            } catch (UncheckedIOException e) {
                System.out.println("listen failed: " + e.getMessage());
            }
            // every non-daemon thread the attempt started must be gone for the JVM to exit here
        }
    }
}
