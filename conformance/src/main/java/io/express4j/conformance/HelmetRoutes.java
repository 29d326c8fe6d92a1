package io.express4j.conformance;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.HelmetOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Twin of {@code express/routes/helmet.js}: helmet 8.3.0 and on-headers 1.1.0 ({@code res.onHeaders}). */
final class HelmetRoutes {
    private HelmetRoutes() {}

    static void install(App app) {
        app.get("/mw/helmet", Express.helmet(), (req, res) -> res.send("ok"));
        app.get("/mw/helmet/json", Express.helmet(), (req, res) -> res.json(Map.of("a", 1)));
        Map<String, List<?>> custom = new LinkedHashMap<>();
        custom.put("script-src", List.of("'self'", "cdn.example"));
        custom.put("base-uri", null);
        custom.put("reportTo", List.of("default"));
        app.get(
                "/mw/helmet/custom",
                Express.helmet(new HelmetOptions()
                        .contentSecurityPolicy(custom)
                        .crossOriginEmbedderPolicy(true)
                        .crossOriginResourcePolicy("cross-origin")
                        .referrerPolicy("origin", "unsafe-url")
                        .strictTransportSecurity(123, false, true)
                        .xDnsPrefetchControlAllow(true)
                        .xFrameOptions("deny")
                        .xPermittedCrossDomainPolicies("by-content-type")),
                (req, res) -> res.send("ok"));
        app.get(
                "/mw/helmet/report-only",
                Express.helmet(new HelmetOptions()
                        .contentSecurityPolicy(Map.of("defaultSrc", List.of("'self'")))
                        .contentSecurityPolicyUseDefaults(false)
                        .contentSecurityPolicyReportOnly(true)),
                (req, res) -> res.send("ok"));
        app.get(
                "/mw/helmet/off",
                Express.helmet(new HelmetOptions()
                        .contentSecurityPolicy(false)
                        .crossOriginOpenerPolicy(false)
                        .crossOriginResourcePolicy(false)
                        .originAgentCluster(false)
                        .referrerPolicy(false)
                        .strictTransportSecurity(false)
                        .xContentTypeOptions(false)
                        .xDnsPrefetchControl(false)
                        .xDownloadOptions(false)
                        .xFrameOptions(false)
                        .xPermittedCrossDomainPolicies(false)
                        .xPoweredBy(false)
                        .xXssProtection(false)),
                (req, res) -> res.send("ok"));
        app.get(
                "/mw/helmet/nonce",
                Express.helmet(new HelmetOptions()
                        .contentSecurityPolicy(Map.of("scriptSrc", List.of("'self'", (HelmetOptions.CspValue)
                                (req, res) -> "'nonce-" + req.query("n") + "'")))),
                (req, res) -> res.send("ok"));
        app.get(
                "/mw/helmet/bad-value",
                Express.helmet(
                        new HelmetOptions().contentSecurityPolicy(Map.of("scriptSrc", List.of((HelmetOptions.CspValue)
                                (req, res) -> "bad;value")))),
                (req, res) -> res.send("never"));
        app.use("/mw/helmet-404", Express.helmet());

        app.get("/mw/on-headers", (req, res) -> {
            res.onHeaders(() -> {
                res.setHeader("X-Status-Seen", String.valueOf(res.statusCode()));
                res.statusCode(202);
            });
            res.status(201).send("x");
        });
        app.get("/mw/on-headers/order", (req, res) -> {
            for (String n : List.of("1", "2", "3")) {
                res.onHeaders(() -> {
                    Object before = res.getHeader("X-Order");
                    res.setHeader("X-Order", (before == null ? "start" : before) + "," + n);
                });
            }
            res.send("x");
        });
        app.get("/mw/on-headers/write", (req, res) -> {
            res.onHeaders(() -> res.setHeader("X-Hook", "before-write"));
            res.set("Content-Type", "text/plain");
            res.write("a");
            res.end("b");
        });
        app.get("/mw/on-headers/write-head", (req, res) -> {
            res.onHeaders(() -> res.setHeader("X-Seen", res.getHeader("X-Given") + " " + res.statusCode()));
            res.writeHead(203, Map.of("X-Given", "yes"));
            res.end();
        });
    }
}
