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
        TestEnvironment.Database database = TestEnvironment.freshDatabaseOfRun();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE todos (id INTEGER PRIMARY KEY, title VARCHAR(255) NOT NULL,"
                    + " created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)");
        }
        try (PayaraNode node = PayaraNode.start("drift-fail", database)) {
            String log = node.awaitLog(REPORT);
            assertTrue(log.contains("todos (table todos): column completed is missing (field completed)"), log);
            assertTrue(log.contains("set rivulet.schema.drift=warn"), "the report says how to start anyway");
            Thread.sleep(2000);
            assertFalse(node.answers(), "the application is not deployed");
        }
        try (PayaraNode node = PayaraNode.start("drift-warn", database, "rivulet.schema.drift=warn")) {
            node.awaitUp();
            String log = node.logText();
            assertTrue(log.contains(REPORT) && log.contains("column completed is missing")
                    && log.contains("Starting anyway (rivulet.schema.drift=warn)"), log);
            assertEquals(200, new RstoreClient(node.url()).get("api/rstore/users", null).status(),
                    "collections without drift are served");
        }
    }
}
