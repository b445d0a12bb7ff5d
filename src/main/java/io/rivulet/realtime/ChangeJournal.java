package io.rivulet.realtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes committed-to-be changes into the database, in the transaction that makes them: the
 * changes feed's log (io.rivulet.offline). {@link TransactionChanges} calls it before a JTA
 * transaction commits; a failure rolls the transaction back, so no acknowledged write lacks its
 * entry. The SQL create path, which runs on a plain connection, calls {@link #write(Connection, List)}.
 */
public interface ChangeJournal {

    /** Writes the changes in the current JTA transaction (or at once, outside one). */
    void write(List<Change> changes);

    /** Writes the changes on this connection, in its open local transaction. */
    void write(Connection connection, List<Change> changes) throws SQLException;
}
