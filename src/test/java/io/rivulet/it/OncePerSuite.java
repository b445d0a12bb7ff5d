package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * ITs that do not depend on the database the suite runs them on ({@code rivulet.it.db}): they run
 * once, on one of the two, which keeps the whole test command short.
 */
final class OncePerSuite {

    private OncePerSuite() {
    }

    /** Runs in the H2 pass only: what it checks does not touch the database. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @DisabledIfSystemProperty(named = "rivulet.it.db", matches = "postgresql",
            disabledReason = "does not depend on the database: runs on H2 only")
    @interface OnH2 {
    }

    /** Runs in the PostgreSQL pass only: its statements are worth checking on the real database. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @EnabledIfSystemProperty(named = "rivulet.it.db", matches = "postgresql",
            disabledReason = "its statements run on the real database: PostgreSQL only")
    @interface OnPostgresql {
    }
}
