package io.rivulet.hooks;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects the {@code before} hooks: they run inside the operation's transaction before it reads
 * or writes; throwing aborts the operation (an {@link io.rivulet.RstoreException} chooses the
 * status). Here {@link CollectionEvent#transformQuery} restricts the rows the operation sees.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Before {

    /** For programmatic selection. */
    final class Literal extends AnnotationLiteral<Before> implements Before {
        private static final long serialVersionUID = 1L;
        public static final Literal INSTANCE = new Literal();
    }
}
