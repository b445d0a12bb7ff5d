package io.rivulet.realtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

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

    /**
     * A created row's entry as clauses of the insert's own statement, where the database allows
     * it (PostgreSQL: one round trip); empty: {@link #write(Connection, List)} after the insert.
     */
    default Optional<EntryClauses> clauses(Connection connection, String collection) throws SQLException {
        return Optional.empty();
    }

    /**
     * An entry as clauses of another statement: {@code lock}, a query to evaluate as a common
     * table expression of its own, and {@code insert}, the entry's {@code INSERT … SELECT} with two
     * placeholders: {@code {key}}, the SQL expression of the row's key, and {@code {from}}, the
     * statement's one-row relations, which must include the lock's (so the lock is taken before
     * the entry draws its seq). After the key expression's own parameters, the insert binds the
     * collection, then the time.
     */
    record EntryClauses(String lock, String insert, String collection, long changedAt) {
    }
}
