package io.express4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class whose tests and lifecycle methods take {@link TestClient} parameters: each gets a client
 * for the app that the class's {@link TestApp} field or method gives, closed after the test (after the class for a
 * {@code @BeforeAll} method's). A shorthand for {@code @ExtendWith(Express4jExtension.class)}.
 *
 * <pre>{@code
 * @Express4jTest
 * class UsersTest {
 *     @TestApp
 *     static App app() {
 *         App app = Express.app();
 *         app.get("/users/:id", (req, res) -> res.json(Map.of("id", req.param("id"))));
 *         return app;
 *     }
 *
 *     @Test
 *     void findsAUser(TestClient client) {
 *         client.get("/users/1").expect(200).expect("{\"id\":\"1\"}");
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(Express4jExtension.class)
public @interface Express4jTest {}
