package io.rivulet.hooks;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Selects the hooks of one collection by entity class ({@code @ForEntity(Project.class)}). */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface ForEntity {

    Class<?> value();

    /** For programmatic selection. */
    final class Literal extends AnnotationLiteral<ForEntity> implements ForEntity {
        private static final long serialVersionUID = 1L;
        private final Class<?> value;

        private Literal(Class<?> value) {
            this.value = value;
        }

        public static Literal of(Class<?> value) {
            return new Literal(value);
        }

        @Override
        public Class<?> value() {
            return value;
        }
    }
}
