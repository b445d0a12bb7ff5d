package io.rivulet.rest;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Sets a custom HTTP reason phrase through the container's own response class, best effort:
 * Payara/GlassFish (the Grizzly response's {@code setStatus(int, String)}), Undertow/WildFly
 * ({@code getExchange().setReasonPhrase}), and containers that kept Servlet 5's
 * {@code setStatus(int, String)}.
 */
final class ReasonPhrase {

    private ReasonPhrase() {
    }

    static void apply(ServletResponse response, int status, String reason) {
        Object target = response;
        while (target instanceof ServletResponseWrapper wrapper) {
            target = wrapper.getResponse();
        }
        for (int depth = 0; target != null && depth < 4; depth++) {
            if (invoke(target, "setStatus", status, reason)) {
                return;
            }
            Object grizzly = call(target, "getCoyoteResponse");
            if (grizzly != null && invoke(grizzly, "setStatus", status, reason)) {
                return;
            }
            Object exchange = call(target, "getExchange");
            if (exchange != null && invoke(exchange, "setReasonPhrase", reason)) {
                return;
            }
            target = field(target, "response");
        }
    }

    private static boolean invoke(Object target, String name, Object... arguments) {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length
                    && (arguments.length == 1 || method.getParameterTypes()[0] == int.class)
                    && method.getParameterTypes()[arguments.length - 1] == String.class) {
                try {
                    method.invoke(target, arguments);
                    return true;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static Object call(Object target, String name) {
        try {
            return target.getClass().getMethod(name).invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object field(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
