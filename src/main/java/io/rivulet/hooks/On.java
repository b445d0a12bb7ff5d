package io.rivulet.hooks;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Selects the hooks of one operation: {@code @Observes @Before @On(Operation.INDEX_POST) CollectionEvent e}. */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface On {

    Operation value();

    /** For programmatic selection. */
    final class Literal extends AnnotationLiteral<On> implements On {
        private static final long serialVersionUID = 1L;
        private final Operation value;

        private Literal(Operation value) {
            this.value = value;
        }

        public static Literal of(Operation value) {
            return new Literal(value);
        }

        @Override
        public Operation value() {
            return value;
        }
    }
}
