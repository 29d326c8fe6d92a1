package io.express4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The app an {@link Express4jTest} class tests: a field of type {@code io.express4j.App}, or a method without
 * parameters that returns one, static or not. A method is called for each client, so each test gets an app of its
 * own; a field is read when the client is made (after the {@code @BeforeEach} methods, for a test's parameters). One
 * per test class; a {@code @Nested} class may use its enclosing class's.
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TestApp {}
