package io.express4j.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.redis.HttpProbe.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Past one process, with real parts: a redis-server, two express4j instances (each its own JVM, {@link ScaleOutApp})
 * behind a real nginx (round robin, {@code X-Forwarded-*}, a TLS listener), then a mixed fleet of one Express 5
 * instance (express-session + connect-redis, express-rate-limit + rate-limit-redis, {@code src/test/node}) and one
 * express4j instance behind one nginx. Sessions and rate limits live in Redis only, so a user's counter continues
 * whichever instance answers, an instance killed mid-run loses no session, and the limit holds across instances.
 * Prints its figures (requests, sessions kept, rate-limit accuracy). Needs redis-server, nginx, openssl and node
 * (skipped without them unless {@code -Dexpress4j.redis.required=true}); {@code .ci/scale-out} runs it in CI.
 */
@TestMethodOrder(OrderAnnotation.class)
class ScaleOutTest {
    private static final String SECRET = "scale-out secret";
    private static final int LIMIT = 10;
    private static final Pattern COUNT = Pattern.compile("\\{\"views\":(\\d+),\"instance\":\"([^\"]+)\"}");
    /** The session express-session writes and RedisSessionStore must write alike: connect-redis's value. */
    private static final Pattern STORED = Pattern.compile("\\{\"cookie\":\\{\"originalMaxAge\":600000,"
            + "\"expires\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\",\"httpOnly\":true,\"path\":\"/\"},"
            + "\"views\":\\d+}");

    private static final Map<String, String> figures = new LinkedHashMap<>();
    private static Path dir;
    private static LocalRedis redis;
    private static FleetProcess first;
    private static FleetProcess second;
    private static Nginx nginx;

    @BeforeAll
    static void startFleet() throws Exception {
        Binaries.require("nginx");
        Binaries.require("openssl");
        redis = LocalRedis.start();
        dir = Files.createTempDirectory("express4j-scale-out");
        first = FleetProcess.express4j(dir, "express4j-1", redis.uri(), SECRET, LIMIT);
        second = FleetProcess.express4j(dir, "express4j-2", redis.uri(), SECRET, LIMIT);
        nginx = Nginx.start(dir.resolve("nginx"), List.of(first.port, second.port));
    }

    @AfterAll
    static void stopFleet() throws Exception {
        if (nginx != null) nginx.close();
        if (first != null) first.close();
        if (second != null) second.close();
        if (redis != null) redis.close();
        figures.forEach((name, value) -> System.out.println("scale-out figure: " + name + ": " + value));
    }

    /** A browser: its session cookie, sent back with each request. */
    private static final class User {
        String cookie;
        final List<String> instances = new ArrayList<>();
        int views;

        /** GET /count; returns the reply, having checked that the counter went up by exactly one. */
        Reply count(int port) throws IOException {
            Map<String, String> headers = new LinkedHashMap<>();
            if (cookie != null) headers.put("Cookie", cookie);
            Reply reply = HttpProbe.get(port, false, "/count", headers);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            Matcher m = COUNT.matcher(reply.body());
            assertThat(m.matches()).as(reply.body()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as("the counter continues").isEqualTo(views + 1);
            assertThat(reply.header("X-Instance")).isEqualTo(m.group(2));
            views++;
            instances.add(m.group(2));
            String setCookie = reply.header("Set-Cookie");
            if (setCookie != null) cookie = setCookie.substring(0, setCookie.indexOf(';'));
            return reply;
        }

        String sid() {
            Matcher m = Pattern.compile("connect\\.sid=s%3A([^.]+)\\.").matcher(cookie);
            assertThat(m.find()).isTrue();
            return m.group(1);
        }
    }

    @Test
    @Order(1)
    void sessionsAreSharedAcrossInstances() throws Exception {
        // an odd number of users, so that round robin sends each user to the other instance every time
        List<User> users = users(9);
        for (int round = 0; round < 6; round++) for (User user : users) user.count(nginx.httpPort);
        Set<String> answered = new HashSet<>();
        for (User user : users) {
            assertThat(user.views).isEqualTo(6);
            assertThat(redis.commands().get("sess:" + user.sid())).matches(STORED);
            answered.addAll(user.instances);
        }
        assertThat(answered).containsExactlyInAnyOrder("express4j-1", "express4j-2");
        long moved =
                users.stream().filter(u -> Set.copyOf(u.instances).size() == 2).count();
        assertThat(moved).as("users served by both instances").isEqualTo(users.size());
        figures.put(
                "sessions across two express4j instances",
                users.size() * 6 + " requests, " + users.size() + " of " + users.size()
                        + " sessions kept, each served by both in turn");
    }

    @Test
    @Order(2)
    void trustProxyGivesTheClientsIpProtocolAndHostnameThroughNginx() throws Exception {
        Map<String, String> headers = Map.of("Host", "shop.example", "X-Forwarded-For", "203.0.113.7");
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            Reply plain = HttpProbe.get(nginx.httpPort, false, "/whoami", headers);
            assertThat(plain.status()).isEqualTo(200);
            assertThat(plain.body())
                    .isEqualTo("{\"ip\":\"203.0.113.7\",\"protocol\":\"http\",\"hostname\":\"shop.example\","
                            + "\"instance\":\"" + plain.header("X-Instance") + "\"}");
            Reply tls = HttpProbe.get(nginx.httpsPort, true, "/whoami", headers);
            assertThat(tls.status()).isEqualTo(200);
            assertThat(tls.body())
                    .isEqualTo("{\"ip\":\"203.0.113.7\",\"protocol\":\"https\",\"hostname\":\"shop.example\","
                            + "\"instance\":\"" + tls.header("X-Instance") + "\"}");
            answered.add(plain.header("X-Instance"));
            answered.add(tls.header("X-Instance"));
        }
        assertThat(answered).containsExactlyInAnyOrder("express4j-1", "express4j-2");
    }

    @Test
    @Order(3)
    void theRateLimitHoldsAcrossInstances() throws Exception {
        int allowed = limited(nginx.httpPort, "198.51.100.9", LIMIT + 6);
        assertThat(allowed).isEqualTo(LIMIT);
        figures.put(
                "rate limit across two express4j instances",
                allowed + " allowed of limit " + LIMIT + " in " + (LIMIT + 6) + " requests, then 429");
    }

    @Test
    @Order(4)
    void anInstanceKilledMidRunLosesNoSession() throws Exception {
        List<User> users = users(20);
        for (int round = 0; round < 3; round++) for (User user : users) user.count(nginx.httpPort);
        second.kill();
        for (int round = 0; round < 3; round++) for (User user : users) user.count(nginx.httpPort);
        for (User user : users) {
            assertThat(user.views).isEqualTo(6);
            assertThat(user.instances.subList(3, 6)).containsOnly("express4j-1");
        }
        figures.put(
                "express4j-2 killed (SIGKILL) after 60 of 120 requests",
                "120 answered 200, 20 of 20 sessions kept and continued on express4j-1");
    }

    @Test
    @Order(5)
    void aSessionMovesBetweenExpressAndExpress4jInBothDirections() throws Exception {
        Path node = Binaries.require("node");
        Path appJs = Path.of("src/test/node/app.js").toAbsolutePath();
        assertThat(appJs.resolveSibling("node_modules"))
                .as("npm ci in src/test/node (the build runs it)")
                .isDirectory();
        try (FleetProcess express = FleetProcess.node(dir, node, appJs, "express", redis.uri(), SECRET, LIMIT);
                FleetProcess java = FleetProcess.express4j(dir, "express4j-3", redis.uri(), SECRET, LIMIT);
                Nginx mixed = Nginx.start(dir.resolve("nginx-mixed"), List.of(express.port, java.port))) {
            // one user, each instance in turn, directly: Express → express4j → Express → express4j
            User direct = new User();
            direct.count(express.port);
            assertThat(redis.commands().get("sess:" + direct.sid())).matches(STORED);
            direct.count(java.port);
            assertThat(redis.commands().get("sess:" + direct.sid())).matches(STORED);
            direct.count(express.port);
            direct.count(java.port);
            assertThat(direct.instances).containsExactly("express", "express4j-3", "express", "express4j-3");

            // nine users through nginx's round robin (odd: each user moves at every request)
            List<User> users = users(9);
            int toJava = 0;
            int toExpress = 0;
            for (int round = 0; round < 6; round++) for (User user : users) user.count(mixed.httpPort);
            for (User user : users) {
                assertThat(user.views).isEqualTo(6);
                for (int i = 1; i < user.instances.size(); i++) {
                    String from = user.instances.get(i - 1);
                    String to = user.instances.get(i);
                    if (from.equals("express") && to.equals("express4j-3")) toJava++;
                    if (from.equals("express4j-3") && to.equals("express")) toExpress++;
                }
            }
            assertThat(toJava).as("moves Express → express4j").isPositive();
            assertThat(toExpress).as("moves express4j → Express").isPositive();

            int allowed = limited(mixed.httpPort, "192.0.2.44", LIMIT + 6);
            assertThat(allowed).isEqualTo(LIMIT);
            figures.put(
                    "mixed fleet (Express 5 + connect-redis, express4j)",
                    (users.size() * 6 + 4) + " requests, " + (users.size() + 1) + " of " + (users.size() + 1)
                            + " sessions kept, " + toJava + " moves Express → express4j and " + toExpress
                            + " back, counters continued; rate limit " + allowed + " allowed of limit " + LIMIT);
        }
    }

    private static List<User> users(int n) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < n; i++) users.add(new User());
        return users;
    }

    /**
     * Sends {@code requests} GETs to /limited as client {@code ip} (nginx appends its own address, trust proxy reads
     * past it); checks that the allowed ones come first, with {@code RateLimit-Remaining} counting down through
     * every instance, then only 429s. Returns how many were allowed.
     */
    private static int limited(int port, String ip, int requests) throws IOException {
        int allowed = 0;
        Set<String> instances = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            Reply reply = HttpProbe.get(port, false, "/limited", Map.of("X-Forwarded-For", ip));
            instances.add(reply.header("X-Instance"));
            if (i < LIMIT) {
                assertThat(reply.status()).as("request " + (i + 1)).isEqualTo(200);
                assertThat(reply.body()).isEqualTo("ok");
                assertThat(reply.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(LIMIT - 1 - i));
                allowed++;
            } else {
                assertThat(reply.status()).as("request " + (i + 1)).isEqualTo(429);
                assertThat(reply.body()).isEqualTo("Too many requests, please try again later.");
            }
        }
        assertThat(instances).hasSize(2);
        return allowed;
    }
}
