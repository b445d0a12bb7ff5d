package io.rivulet.store;

import org.junit.jupiter.api.BeforeAll;

/**
 * {@link InProcessSqlWritesTest} on the local PostgreSQL, where a create is one
 * {@code INSERT … RETURNING} with the key from {@code nextval}. The test tier needs the local
 * PostgreSQL (127.0.0.1:5432), as the ITs do: without it this fails rather than passing unseen.
 */
class InProcessSqlWritesPostgresqlTest extends InProcessSqlWritesTest {

    /** Hides the tier's H2 start. */
    @BeforeAll
    protected static void start() {
        db = InProcessStore.onPostgresql("rivulet_inprocess").seed();
    }
}
