package io.rivulet.schema;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;

/**
 * Reads and writes one attribute of an entity (or embeddable) instance. JavaBeans accessors are
 * preferred over the field: providers that weave change tracking (EclipseLink) only notice
 * writes that go through the class's own code.
 */
public final class PropertyAccess {

    private final Field field;
    private final Method getter;
    private final Method setter;

    private PropertyAccess(Field field, Method getter, Method setter) {
        this.field = field;
        this.getter = getter;
        this.setter = setter;
    }

    public static PropertyAccess of(Class<?> owner, String name) {
        Field field = findField(owner, name);
        String suffix = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        Method getter = findMethod(owner, "get" + suffix);
        if (getter == null) {
            getter = findMethod(owner, "is" + suffix);
        }
        Method setter = field == null ? null : findMethod(owner, "set" + suffix, field.getType());
        if (field == null && getter == null) {
            throw new IllegalStateException("No field or getter for " + owner.getName() + "." + name);
        }
        if (field != null) {
            field.setAccessible(true);
        }
        return new PropertyAccess(field, getter, setter);
    }

    /** An annotation on the attribute's field or getter, where mapping annotations live. */
    public <A extends java.lang.annotation.Annotation> A annotation(Class<A> type) {
        A found = field == null ? null : field.getAnnotation(type);
        return found != null || getter == null ? found : getter.getAnnotation(type);
    }

    public Object get(Object target) {
        try {
            return getter != null ? getter.invoke(target) : field.get(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + describe(), e);
        }
    }

    public void set(Object target, Object value) {
        try {
            if (setter != null) {
                setter.invoke(target, value);
            } else if (field != null) {
                field.set(target, value);
            } else {
                throw new IllegalStateException("No way to write " + describe());
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot write " + describe(), e);
        }
    }

    private String describe() {
        return field != null ? field.getDeclaringClass().getName() + "." + field.getName() : getter.toString();
    }

    private static Field findField(Class<?> owner, String name) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    private static Method findMethod(Class<?> owner, String name, Class<?>... parameters) {
        try {
            Method method = owner.getMethod(name, parameters);
            return Modifier.isStatic(method.getModifiers()) ? null : method;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
