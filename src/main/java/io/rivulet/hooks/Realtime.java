package io.rivulet.hooks;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects one kind of realtime hook ({@code @Observes @Realtime(Kind.FILTER) RealtimeEvent e}),
 * as {@link On} selects an operation; with {@link ForCollection} also one collection. Without it
 * an observer sees both kinds, as before.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Realtime {

    RealtimeEvent.Kind value();

    /** For programmatic selection. */
    final class Literal extends AnnotationLiteral<Realtime> implements Realtime {
        private static final long serialVersionUID = 1L;
        private final RealtimeEvent.Kind value;

        private Literal(RealtimeEvent.Kind value) {
            this.value = value;
        }

        public static Literal of(RealtimeEvent.Kind value) {
            return new Literal(value);
        }

        @Override
        public RealtimeEvent.Kind value() {
            return value;
        }
    }
}
