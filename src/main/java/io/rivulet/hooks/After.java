package io.rivulet.hooks;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects the {@code after} hooks: they run inside the operation's transaction after it succeeded,
 * with {@link CollectionEvent#result()}; {@link CollectionEvent#setResult} replaces what the client
 * gets, and throwing rolls everything back, the operation included.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface After {

    /** For programmatic selection. */
    final class Literal extends AnnotationLiteral<After> implements After {
        private static final long serialVersionUID = 1L;
        public static final Literal INSTANCE = new Literal();
    }
}
