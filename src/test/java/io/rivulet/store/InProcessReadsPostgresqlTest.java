package io.rivulet.store;

import org.junit.jupiter.api.BeforeAll;

/**
 * {@link InProcessReadsTest} on the local PostgreSQL, where key lists are one array parameter and
 * a per-parent include limit on an indexed join column is a {@code LATERAL … LIMIT} per parent
 * (the example indexes its foreign keys); plain SQL and Criteria must still write the same bytes.
 * Needs the local PostgreSQL (127.0.0.1:5432), as the ITs do.
 */
class InProcessReadsPostgresqlTest extends InProcessReadsTest {

    /** Hides the tier's H2 start. */
    @BeforeAll
    protected static void start() {
        db = InProcessStore.onPostgresql("rivulet_inprocess_reads").seed();
    }
}
