package io.express4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link TestClient} parameter of an {@link Express4jTest} class: the app listens on an ephemeral loopback
 * port for the client, as {@link TestClient#overSocket}, for the tests where a real socket matters.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OverSocket {}
