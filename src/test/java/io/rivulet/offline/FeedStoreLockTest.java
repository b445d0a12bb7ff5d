package io.rivulet.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.realtime.ChangeJournal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The changes feed's commit-safety at the level of its statements, on the three databases it
 * supports (the local PostgreSQL and MariaDB, H2 in memory): a writer whose transaction holds
 * an entry keeps the reader's watermark waiting until it commits, so the watermark never passes
 * an entry that is not yet committed; and on PostgreSQL the clauses a create's single statement
 * uses take the same lock.
 */
class FeedStoreLockTest {

    private static final String COLLECTION = "todos";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void theWatermarkWaitsForAWriterThatHoldsAnEntry(String database) throws Exception {
        DataSource dataSource = fresh(database);
        FeedStore store = store(dataSource);
        long before = store.watermark(dataSource, COLLECTION).highSeq();
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            store.record(writer, COLLECTION, List.of(new FeedStore.Entry(0, "1", false)), System.currentTimeMillis());
            assertReaderWaitsFor(writer, dataSource, store, before);
        }
        List<FeedStore.Entry> entries = store.read(dataSource, COLLECTION, before, Long.MAX_VALUE, 10);
        assertEquals(List.of("1"), entries.stream().map(FeedStore.Entry::key).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql"})
    void aCreatesOneStatementTakesTheSameLock(String database) throws Exception {
        DataSource dataSource = fresh(database);
        FeedStore store = store(dataSource);
        long before = store.watermark(dataSource, COLLECTION).highSeq();
        ChangeJournal.EntryClauses clauses = store.clauses(COLLECTION, 5L).orElseThrow();
        // what SqlRowWriter sends, with a row that is only a select here
        String sql = "WITH rivulet_lock AS (" + clauses.lock() + "), rivulet_row AS (SELECT 42 AS id), rivulet_entry AS ("
                + clauses.insert().replace("{key}", "CAST(rivulet_row.id AS VARCHAR)").replace("{from}", "rivulet_row, rivulet_lock")
                + ") SELECT id FROM rivulet_row";
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement statement = writer.prepareStatement(sql)) {
                statement.setString(1, clauses.collection());
                statement.setLong(2, clauses.changedAt());
                try (ResultSet row = statement.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals(42, row.getInt(1));
                }
            }
            assertReaderWaitsFor(writer, dataSource, store, before);
        }
        List<FeedStore.Entry> entries = store.read(dataSource, COLLECTION, before, Long.MAX_VALUE, 10);
        assertEquals(List.of("42"), entries.stream().map(FeedStore.Entry::key).toList());
        assertFalse(store.clauses(COLLECTION, 5L).isEmpty());
    }

    /** The watermark is not granted while the writer is open, and covers its entry once it commits. */
    private static void assertReaderWaitsFor(Connection writer, DataSource dataSource, FeedStore store, long before)
            throws Exception {
        CompletableFuture<FeedStore.Watermark> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return store.watermark(dataSource, COLLECTION);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            FeedStore.Watermark early = reader.get(500, TimeUnit.MILLISECONDS);
            throw new AssertionError("the watermark " + early + " was handed out while an entry was uncommitted");
        } catch (TimeoutException waiting) {
            // as it should: the reader waits for the writer
        }
        writer.commit();
        FeedStore.Watermark watermark = reader.get(10, TimeUnit.SECONDS);
        assertTrue(watermark.highSeq() > before, "the watermark covers the committed entry: " + watermark);
    }

    private static FeedStore store(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            FeedStore store = new FeedStore(FeedStore.Dialect.of(connection));
            store.createTables(connection, List.of(COLLECTION));
            return store;
        }
    }

    private static final String NAME = "rivulet_feedstore_" + ProcessHandle.current().pid();

    /** The server databases go when the class is done (H2's lives in this JVM). */
    @AfterAll
    static void dropDatabases() throws SQLException {
        try (Connection pg = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement statement = pg.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        }
        try (Connection maria = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?sslMode=disable", "root", "");
                Statement statement = maria.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + NAME);
        }
    }

    /** An empty database of that kind, reached as a DataSource. */
    private static DataSource fresh(String database) throws SQLException {
        String name = NAME;
        switch (database) {
            case "h2":
                org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
                h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
                return h2;
            case "postgresql":
                try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                        Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name);
                    statement.execute("CREATE DATABASE " + name);
                }
                org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
                pg.setURL("jdbc:postgresql://127.0.0.1:5432/" + name);
                pg.setUser("postgres");
                return pg;
            default:
                try (Connection admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?sslMode=disable", "root", "");
                        Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name);
                    statement.execute("CREATE DATABASE " + name);
                }
                org.mariadb.jdbc.MariaDbDataSource maria = new org.mariadb.jdbc.MariaDbDataSource(
                        "jdbc:mariadb://127.0.0.1:3306/" + name + "?sslMode=disable"); // Connector/J 4 wants TLS by default
                maria.setUser("root");
                maria.setPassword("");
                return maria;
        }
    }
}
