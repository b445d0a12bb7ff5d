package io.rivulet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity attribute that never leaves the server: it is absent from every row Rivulet
 * returns, and a client can neither filter, order nor write it (it behaves as an unknown field).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Hidden {
}
