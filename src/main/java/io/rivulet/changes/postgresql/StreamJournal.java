package io.rivulet.changes.postgresql;

import io.rivulet.realtime.Change;
import io.rivulet.realtime.ChangeJournal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the stream's reader did with each transaction, kept in the database so that a replay does
 * not repeat it: the stream replays transactions after the reader's crash, after another node takes
 * over, and after a PostgreSQL restart (before PostgreSQL 17 a shutdown does not save a logical
 * slot's confirmed position). One row per slot in {@value #POSITIONS}:
 * <ul>
 * <li>{@code journaled_lsn}: other programs' transactions are journaled into the changes feed
 * together with this position, in one local transaction, and skipped when at or below it, so no
 * entry is written twice. (Rivulet's own writes are journaled by the JPA path, in their own
 * transaction, and never here.)</li>
 * <li>{@code published_lsn}: written after a transaction's changes were handed to the bus; a
 * replayed transaction at or below it is not published again. A crash between the two publishes
 * that one transaction twice: at least once, never lost.</li>
 * </ul>
 */
final class StreamJournal {

    static final String POSITIONS = "rivulet_stream_positions";

    private final DataSource dataSource;
    private final ChangeJournal journal;
    private final String slot;

    StreamJournal(DataSource dataSource, ChangeJournal journal, String slot) {
        this.dataSource = dataSource;
        this.journal = journal;
        this.slot = slot;
    }

    /** Creates the position table and the slot's row when missing. */
    void createTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + POSITIONS + " (slot_name VARCHAR(64) PRIMARY KEY,"
                    + " journaled_lsn BIGINT NOT NULL, published_lsn BIGINT NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + POSITIONS
                    + " (slot_name, journaled_lsn, published_lsn) VALUES (?, 0, 0) ON CONFLICT (slot_name) DO NOTHING")) {
                insert.setString(1, slot);
                insert.executeUpdate();
            }
        }
    }

    /** The commit position of the last transaction handed to the bus (0: none yet). */
    long published() throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT published_lsn FROM " + POSITIONS + " WHERE slot_name = ?")) {
            select.setString(1, slot);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }

    /** A new slot: its positions start over (after a restore, the database's positions may be lower). */
    void reset() throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE " + POSITIONS + " SET journaled_lsn = 0, published_lsn = 0 WHERE slot_name = ?")) {
            update.setString(1, slot);
            update.executeUpdate();
        }
    }

    /** Notes that the transaction at this commit position was handed to the bus. */
    void published(long commitLsn) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE " + POSITIONS + " SET published_lsn = ? WHERE slot_name = ? AND published_lsn < ?")) {
            update.setLong(1, commitLsn);
            update.setString(2, slot);
            update.setLong(3, commitLsn);
            update.executeUpdate();
        }
    }

    /** @return whether the changes were journaled now (false: they were before) */
    boolean journalOnce(long commitLsn, List<Change> changes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement advance = connection.prepareStatement("UPDATE " + POSITIONS
                    + " SET journaled_lsn = ? WHERE slot_name = ? AND journaled_lsn < ?")) {
                advance.setLong(1, commitLsn);
                advance.setString(2, slot);
                advance.setLong(3, commitLsn);
                if (advance.executeUpdate() == 0) {
                    connection.rollback();
                    return false;
                }
                journal.write(connection, changes);
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
