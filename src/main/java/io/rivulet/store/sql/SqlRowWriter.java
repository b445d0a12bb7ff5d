package io.rivulet.store.sql;

import io.rivulet.realtime.ChangeJournal;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Writes a created row as plain SQL over JDBC ({@link SqlInsert}): on PostgreSQL one
 * {@code INSERT … VALUES (nextval(…), …) RETURNING key}, the statement rstore's server sends;
 * elsewhere the sequence's next value, then the insert. Used for creates that no hook observes,
 * outside any transaction, so the statement commits on its own. With the changes feed's entry:
 * on PostgreSQL, for a sequence key, still one statement (the entry and its lock as common table
 * expressions); elsewhere a local transaction of the insert and the entry.
 */
public final class SqlRowWriter {

    private final Map<CollectionDescriptor, Optional<SqlInsert>> inserts = new ConcurrentHashMap<>();
    private final PostgresqlCheck postgresql = new PostgresqlCheck();
    private volatile Boolean xmlMapped;

    /** Whether this collection's rows can be written as plain SQL. */
    public boolean supports(CollectionDescriptor collection) {
        return insert(collection).isPresent();
    }

    /**
     * Inserts the row of an entity built from the request (its fields set, the generated key not),
     * and writes the key drawn from the sequence into the entity.
     *
     * @param journal the changes feed's entry for the row, written in the insert's transaction, or
     *                null: the insert alone, auto-committed
     * @throws SQLException as the database refused it (nothing is written)
     */
    public void insert(DataSource dataSource, CollectionDescriptor collection, Object entity, Journal journal)
            throws SQLException {
        SqlInsert insert = insert(collection).orElseThrow(
                () -> new IllegalArgumentException(collection.name() + " is written through JPA"));
        try (Connection connection = dataSource.getConnection()) {
            if (journal == null) {
                insert(connection, collection, insert, entity, null);
                return;
            }
            Optional<ChangeJournal.EntryClauses> clauses = keyInStatement(connection, collection, insert)
                    ? journal.clauses(connection) : Optional.empty();
            if (clauses.isPresent()) { // one auto-committed statement: lock, row, entry
                insert(connection, collection, insert, entity, clauses.get());
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                insert(connection, collection, insert, entity, null);
                journal.write(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The created row's journal entry, in the insert's transaction. */
    public interface Journal {

        /** The entry as clauses of the insert's own statement, or empty: {@link #write} after the insert. */
        Optional<ChangeJournal.EntryClauses> clauses(Connection connection) throws SQLException;

        /** Writes the entry on the connection, after the insert, in its open local transaction. */
        void write(Connection connection) throws SQLException;
    }

    /**
     * Whether the entry can take the row's key inside the insert's statement: on PostgreSQL, for a
     * key that is one integer drawn from the sequence (its text is the key's wire form).
     */
    private boolean keyInStatement(Connection connection, CollectionDescriptor collection, SqlInsert insert)
            throws SQLException {
        if (insert.sequenceKey == null || !collection.primaryKey().equals(List.of(insert.sequenceKey))
                || !isPostgresql(connection)) {
            return false;
        }
        Class<?> type = insert.sequenceKey.javaType();
        return type == Integer.class || type == Long.class || type == Short.class || type == BigInteger.class
                || type == int.class || type == long.class || type == short.class;
    }

    /**
     * The insert; with entry clauses, as one statement:
     * {@code WITH rivulet_lock AS (…), rivulet_row AS (INSERT … RETURNING key),
     * rivulet_entry AS (INSERT INTO rivulet_changes … SELECT … FROM rivulet_row, rivulet_lock) SELECT key FROM rivulet_row}.
     */
    private void insert(Connection connection, CollectionDescriptor collection, SqlInsert insert, Object entity,
            ChangeJournal.EntryClauses clauses) throws SQLException {
        boolean returning = isPostgresql(connection);
        if (insert.sequenceKey != null && !returning) {
            collection.write(entity, insert.sequenceKey, nextValue(connection, insert.sequence, insert.sequenceKey));
        }
        String sql = insert.statement(collection.table(), returning && insert.sequenceKey != null
                ? "nextval('" + insert.sequence + "')" : null);
        if (returning && insert.sequenceKey != null) {
            String key = insert.sequenceKey.column();
            sql += " RETURNING " + key;
            if (clauses != null) {
                sql = "WITH rivulet_lock AS (" + clauses.lock() + "), rivulet_row AS (" + sql + "), rivulet_entry AS ("
                        + clauses.insert().replace("{key}", "CAST(rivulet_row." + key + " AS VARCHAR)")
                                .replace("{from}", "rivulet_row, rivulet_lock")
                        + ") SELECT " + key + " FROM rivulet_row";
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (int i = 0; i < insert.fields.size(); i++) {
                FieldDescriptor field = insert.fields.get(i);
                if (field == insert.sequenceKey && returning) {
                    continue;
                }
                insert.parameters.get(i).bind(statement, index++, collection.read(entity, field));
            }
            if (clauses != null) {
                statement.setString(index++, clauses.collection());
                statement.setLong(index, clauses.changedAt());
            }
            if (returning && insert.sequenceKey != null) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    collection.write(entity, insert.sequenceKey, keyValue(rows.getLong(1), insert.sequenceKey));
                }
            } else {
                statement.executeUpdate();
            }
        }
    }

    private Optional<SqlInsert> insert(CollectionDescriptor collection) {
        return inserts.computeIfAbsent(collection, c -> mappedInXml(c) ? Optional.empty() : SqlInsert.of(c));
    }

    /** The application's orm.xml files, read once (the entities share one class loader). */
    private boolean mappedInXml(CollectionDescriptor collection) {
        Boolean known = xmlMapped;
        if (known == null) {
            known = SqlInsert.mappedInXml(collection.entityClass().getClassLoader());
            xmlMapped = known;
        }
        return known;
    }

    private boolean isPostgresql(Connection connection) throws SQLException {
        return postgresql.of(connection);
    }

    /** {@code NEXT VALUE FOR}: the standard form, which H2 and MariaDB read. */
    private static Object nextValue(Connection connection, String sequence, FieldDescriptor key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT NEXT VALUE FOR " + sequence);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return keyValue(rows.getLong(1), key);
        }
    }

    /** A sequence value as the key attribute's Java type. */
    private static Object keyValue(long value, FieldDescriptor key) {
        Class<?> type = key.javaType();
        if (type == Integer.class) {
            return Math.toIntExact(value);
        } else if (type == Short.class) {
            return (short) Math.toIntExact(value);
        } else if (type == BigInteger.class) {
            return BigInteger.valueOf(value);
        } else if (type == BigDecimal.class) {
            return BigDecimal.valueOf(value);
        }
        return value;
    }
}
