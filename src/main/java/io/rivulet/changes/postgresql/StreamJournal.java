package io.rivulet.changes.postgresql;

import io.rivulet.realtime.Change;
import io.rivulet.realtime.ChangeJournal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Journals the changes of other programs' transactions into the changes feed, once each: the
 * entries and the slot's journaled commit position ({@value #POSITIONS}) are written in one local
 * transaction, and a transaction at or below that position is skipped. So when the stream
 * replays transactions after a crash (the slot confirms a transaction only after it was handed
 * on), none is journaled twice. Rivulet's own writes are journaled by the JPA path, in their
 * transaction, and never here.
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
            statement.execute("CREATE TABLE IF NOT EXISTS " + POSITIONS
                    + " (slot_name VARCHAR(64) PRIMARY KEY, commit_lsn BIGINT NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + POSITIONS
                    + " (slot_name, commit_lsn) VALUES (?, 0) ON CONFLICT (slot_name) DO NOTHING")) {
                insert.setString(1, slot);
                insert.executeUpdate();
            }
        }
    }

    /** @return whether the changes were journaled now (false: they were before) */
    boolean journalOnce(long commitLsn, List<Change> changes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement advance = connection.prepareStatement("UPDATE " + POSITIONS
                    + " SET commit_lsn = ? WHERE slot_name = ? AND commit_lsn < ?")) {
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
