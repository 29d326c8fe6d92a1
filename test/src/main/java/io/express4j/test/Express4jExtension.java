package io.express4j.test;

import io.express4j.App;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link Express4jTest}: resolves {@link TestClient} parameters to a client for the
 * class's {@link TestApp} (in process; {@link Agent} keeps cookies, {@link OverSocket} uses a loopback port), and
 * closes each client when the test (or the class, for a {@code @BeforeAll} method's) is done. Nothing else in
 * express4j-test needs JUnit: {@link TestClient} works the same without it.
 */
public final class Express4jExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(Express4jExtension.class);

    /** Made by JUnit, from {@code @ExtendWith} or {@link Express4jTest}. */
    public Express4jExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestClient.class;
    }

    @Override
    public TestClient resolveParameter(ParameterContext parameter, ExtensionContext context) {
        boolean agent = parameter.isAnnotated(Agent.class);
        boolean socket = parameter.isAnnotated(OverSocket.class);
        if (agent && socket) {
            throw new ParameterResolutionException("@Agent and @OverSocket together are not supported: choose one");
        }
        App app = app(context);
        TestClient client = agent ? TestClient.agent(app) : socket ? TestClient.overSocket(app) : TestClient.of(app);
        // the store closes what it holds when its context ends: after the test method, or after the class
        context.getStore(NAMESPACE).put(client, client);
        return client;
    }

    /**
     * The app of the innermost class that has a {@link TestApp} member: the test's, then, for a {@code @Nested}
     * (inner) class, the classes enclosing it.
     */
    private static App app(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        for (Class<?> c = testClass;
                c != null;
                c = Modifier.isStatic(c.getModifiers()) ? null : c.getEnclosingClass()) {
            List<Member> members = appMembers(c);
            if (members.size() > 1) {
                throw new ParameterResolutionException(
                        c.getName() + " has more than one @TestApp member: " + members + "; keep one");
            }
            if (members.size() == 1) return read(members.get(0), context);
        }
        throw new ParameterResolutionException("a TestClient parameter needs the app: annotate a field of type App,"
                + " or a method without parameters returning one, with @TestApp in " + testClass.getName());
    }

    private static List<Member> appMembers(Class<?> c) {
        List<Member> members = new ArrayList<>();
        members.addAll(AnnotationSupport.findAnnotatedFields(c, TestApp.class));
        members.addAll(AnnotationSupport.findAnnotatedMethods(c, TestApp.class, HierarchyTraversalMode.TOP_DOWN));
        return members;
    }

    private static App read(Member member, ExtensionContext context) {
        Object owner = Modifier.isStatic(member.getModifiers()) ? null : instance(member, context);
        Object value;
        if (member instanceof Field field) {
            if (!App.class.isAssignableFrom(field.getType())) throw notAnApp(member);
            value = ReflectionSupport.tryToReadFieldValue(field, owner)
                    .getOrThrow(e -> new ParameterResolutionException("reading @TestApp " + describe(member), e));
        } else {
            Method method = (Method) member;
            if (method.getParameterCount() > 0 || !App.class.isAssignableFrom(method.getReturnType())) {
                throw notAnApp(member);
            }
            value = ReflectionSupport.invokeMethod(method, owner);
        }
        if (value == null) throw new ParameterResolutionException("@TestApp " + describe(member) + " gave null");
        return (App) value;
    }

    /** The test instance declaring a non-static member (an outer one for a {@code @Nested} class's test). */
    private static Object instance(Member member, ExtensionContext context) {
        Optional<Object> instance = context.getTestInstances()
                .flatMap(instances ->
                        instances.findInstance(member.getDeclaringClass()).map(Object.class::cast));
        return instance.orElseThrow(() -> new ParameterResolutionException("@TestApp " + describe(member)
                + " is not static, and there is no test instance yet (a @BeforeAll method or a constructor):"
                + " make it static"));
    }

    private static ParameterResolutionException notAnApp(Member member) {
        return new ParameterResolutionException("@TestApp " + describe(member)
                + " must be a field of type App or a method without parameters" + " returning an App");
    }

    private static String describe(Member member) {
        return member.getDeclaringClass().getSimpleName() + "." + member.getName()
                + (member instanceof Method ? "()" : "");
    }
}
