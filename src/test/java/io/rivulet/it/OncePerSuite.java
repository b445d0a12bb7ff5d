package io.rivulet.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * ITs that do not depend on the database the suite runs them on: they run once, in one of the two
 * Payara passes (the pom's failsafe executions exclude their tag from the other), which keeps the
 * whole test command short. Nothing is skipped: the other pass does not select them.
 */
final class OncePerSuite {

    private OncePerSuite() {
    }

    /** Runs in the H2 pass only: what it checks does not touch the database. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Tag("h2-only")
    @interface OnH2 {
    }

    /** Runs in the PostgreSQL pass only: its statements are worth checking on the real database. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Tag("postgresql-only")
    @interface OnPostgresql {
    }
}
