package io.express4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link TestClient} parameter of an {@link Express4jTest} class: the client keeps cookies between requests,
 * as {@link TestClient#agent} (supertest's {@code agent(app)}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Agent {}
