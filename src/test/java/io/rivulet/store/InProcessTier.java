package io.rivulet.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The in-process tier's classes: one seeded database per class, closed after it. */
abstract class InProcessTier {

    static InProcessStore db;

    @BeforeAll
    static void start() {
        db = new InProcessStore().seed();
    }

    @AfterAll
    static void stop() {
        db.close();
    }
}
