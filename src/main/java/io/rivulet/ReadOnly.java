package io.rivulet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity attribute clients may read but not write: it is returned as usual, and a
 * create or patch body that sets it is a 400. The server (a default, a hook) sets its value.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ReadOnly {
}
