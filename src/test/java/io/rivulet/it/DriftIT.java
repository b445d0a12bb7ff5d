package io.rivulet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The database drift check at deployment (SCHEMA.md §4), on a PostgreSQL database (in the MariaDB
 * run, a MariaDB one) whose {@code todos} table lacks the {@code completed} column, as a migration
 * that was never run.
 */
@StartsItsOwnServers
@OnMariadb
class DriftIT {

    private static final String REPORT = "Rivulet: the database does not match the entities";

    @Test
    void aMissingColumnRefusesToStartWithAReportThatNamesItAndWarnModeStarts() throws Exception {
        // two databases with the same drift, so that both servers boot at once
        TestEnvironment.Database failing = drifted();
        TestEnvironment.Database warning = drifted();
        try (PayaraNode refusing = PayaraNode.start("drift-fail", failing);
                PayaraNode starting = PayaraNode.start("drift-warn", warning, "rivulet.schema.drift=warn")) {
            String log = refusing.awaitLog(REPORT);
            assertTrue(log.contains("todos (table todos): column completed is missing (field completed)"), log);
            assertTrue(log.contains("set rivulet.schema.drift=warn"), "the report says how to start anyway");
            starting.awaitUp();
            String warned = starting.logText();
            assertTrue(warned.contains(REPORT) && warned.contains("column completed is missing")
                    && warned.contains("Starting anyway (rivulet.schema.drift=warn)"), warned);
            assertEquals(200, new RstoreClient(starting.url()).get("api/rstore/users", null).status(),
                    "collections without drift are served");
            assertFalse(refusing.answers(), "the refusing server did not deploy the application");
        }
    }

    /** A fresh database of the run whose {@code todos} table lacks the {@code completed} column. */
    private static TestEnvironment.Database drifted() throws Exception {
        TestEnvironment.Database database = TestEnvironment.freshDatabaseOfRun();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE todos (id INTEGER PRIMARY KEY, title VARCHAR(255) NOT NULL,"
                    + " created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)");
        }
        return database;
    }
}
