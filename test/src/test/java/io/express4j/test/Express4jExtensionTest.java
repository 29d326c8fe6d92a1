package io.express4j.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.express4j.App;
import io.express4j.Express;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@link Express4jTest}: TestClient parameters for the class's {@link TestApp}, in process, as an agent or over a
 * socket, closed after each test; a class without a usable app fails its tests with a message that says why.
 */
@Express4jTest
class Express4jExtensionTest {
    private static final AtomicInteger appsMade = new AtomicInteger();

    @TestApp
    static App app() {
        int number = appsMade.incrementAndGet();
        App app = Express.app();
        app.get("/", (req, res) -> res.send("hello"));
        app.get("/app", (req, res) -> res.send(Integer.toString(number)));
        app.get("/host", (req, res) -> res.send(req.get("Host")));
        app.get("/login", (req, res) -> {
            res.cookie("sid", "42");
            res.send("in");
        });
        app.get("/me", (req, res) -> res.send(req.get("Cookie") == null ? "(none)" : req.get("Cookie")));
        return app;
    }

    @Test
    void aParameterGetsAnInProcessClient(TestClient client) {
        client.get("/")
                .expect(200)
                .expect("Content-Type", "text/html; charset=utf-8")
                .expect("Content-Length", "5")
                .expect("ETag", "W/\"5-qvTGHdzF6KLavt4PO0gs2a6pQ00\"")
                .expect("hello");
        // supertest's Host without a port: no port was opened
        client.get("/host").expect(200, "127.0.0.1");
    }

    @Test
    void aFactoryMethodMakesAnAppPerClient(TestClient first, TestClient second) {
        String one = first.get("/app").expect(200).response().text();
        String two = second.get("/app").expect(200).response().text();
        assertThat(Integer.parseInt(two)).isEqualTo(Integer.parseInt(one) + 1);
    }

    @Test
    void anAgentKeepsCookies(@Agent TestClient agent, TestClient plain) {
        agent.get("/login").expect(200).expect("Set-Cookie", "sid=42; Path=/").expect("in");
        agent.get("/me").expect(200, "sid=42");
        plain.get("/login").expect(200, "in");
        plain.get("/me").expect(200, "(none)");
    }

    @Test
    void overSocketListensOnALoopbackPort(@OverSocket TestClient client) {
        client.get("/host").expect(200).expect(Pattern.compile("^127\\.0\\.0\\.1:\\d+$"));
    }

    /** An instance field set by a {@code @BeforeEach} method is read after it ran. */
    @Nested
    class InstanceField {
        @TestApp
        App app;

        @BeforeEach
        void makeApp() {
            app = Express.app();
            app.get("/", (req, res) -> res.send("field"));
        }

        @Test
        void isReadWhenTheClientIsMade(TestClient client) {
            client.get("/").expect(200, "field");
        }
    }

    /** A nested class without an app of its own uses its enclosing class's. */
    @Nested
    class WithoutAnAppOfItsOwn {
        @Test
        void usesTheEnclosingOne(TestClient client) {
            client.get("/").expect(200, "hello");
        }
    }

    @Test
    void eachClientIsClosedAfterItsTest() {
        TestExecutionSummary summary = run(ClosesClients.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(summary.getTestsFailedCount()).isZero();
        assertThat(ClosesClients.kept).hasSize(1);
        // closed: its in-process server is gone, so a new connection is refused
        assertThatThrownBy(() -> ClosesClients.kept.get(0).get("/").response())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("GET /");
    }

    @Test
    void aClassWithoutAnAppFailsWithTheReason() {
        TestExecutionSummary summary = run(WithoutApp.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException())
                .hasMessageContaining("a TestClient parameter needs the app: annotate a field of type App, or a"
                        + " method without parameters returning one, with @TestApp");
    }

    @Test
    void twoAppsAreRefused() {
        TestExecutionSummary summary = run(TwoApps.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("has more than one @TestApp");
    }

    @Test
    void aMemberThatIsNotAnAppIsRefused() {
        TestExecutionSummary summary = run(NotAnApp.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException())
                .hasMessageContaining("@TestApp NotAnApp.app() must be a field of type App or a method without"
                        + " parameters returning an App");
    }

    @Test
    void agentAndOverSocketTogetherAreRefused() {
        TestExecutionSummary summary = run(AgentOverSocket.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException())
                .hasMessageContaining("@Agent and @OverSocket together are not supported");
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    // Classes run by the tests above through the launcher (not by the build: their names do not end in Test, and
    // they are not @Nested).

    @Express4jTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClosesClients {
        static final List<TestClient> kept = new ArrayList<>();

        @TestApp
        static App app() {
            App app = Express.app();
            app.get("/", (req, res) -> res.send("ok"));
            return app;
        }

        @Test
        @Order(1)
        void keepsItsClient(TestClient client) {
            client.get("/").expect(200, "ok");
            kept.add(client);
        }

        @Test
        @Order(2)
        void findsItClosed() {
            assertThatThrownBy(() -> kept.get(0).get("/").response()).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Express4jTest
    static class WithoutApp {
        @Test
        void needsAnApp(TestClient client) {}
    }

    @Express4jTest
    static class TwoApps {
        @TestApp
        static App one = Express.app();

        @TestApp
        static App two() {
            return Express.app();
        }

        @Test
        void needsOneApp(TestClient client) {}
    }

    @Express4jTest
    static class NotAnApp {
        @TestApp
        static String app() {
            return "not an app";
        }

        @Test
        void needsAnApp(TestClient client) {}
    }

    @Express4jTest
    static class AgentOverSocket {
        @TestApp
        static App app() {
            return Express.app();
        }

        @Test
        void needsOneKind(@Agent @OverSocket TestClient client) {}
    }
}
