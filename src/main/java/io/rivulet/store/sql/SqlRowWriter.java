package io.rivulet.store.sql;

import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Writes a created row as plain SQL over JDBC ({@link SqlInsert}): on PostgreSQL one
 * {@code INSERT … VALUES (nextval(…), …) RETURNING key}, the statement rstore's server sends;
 * elsewhere the sequence's next value, then the insert. Used for creates that no hook observes,
 * outside any transaction, so the statement commits on its own.
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
     * @param then more work on the same connection, in the insert's transaction (the changes feed's
     *             entry), or null: the insert alone, auto-committed
     * @throws SQLException as the database refused it (nothing is written)
     */
    public void insert(DataSource dataSource, CollectionDescriptor collection, Object entity, SameTransaction then)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (then == null) {
                insert(connection, collection, entity);
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                insert(connection, collection, entity);
                then.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Work that joins the insert's local transaction. */
    @FunctionalInterface
    public interface SameTransaction {
        void run(Connection connection) throws SQLException;
    }

    private void insert(Connection connection, CollectionDescriptor collection, Object entity) throws SQLException {
        SqlInsert insert = insert(collection).orElseThrow(
                () -> new IllegalArgumentException(collection.name() + " is written through JPA"));
        {
            boolean returning = isPostgresql(connection);
            Object key = null;
            if (insert.sequenceKey != null && !returning) {
                key = nextValue(connection, insert.sequence, insert.sequenceKey);
                collection.write(entity, insert.sequenceKey, key);
            }
            String sql = insert.statement(collection.table(), returning && insert.sequenceKey != null
                    ? "nextval('" + insert.sequence + "')" : null);
            if (returning && insert.sequenceKey != null) {
                sql += " RETURNING " + insert.sequenceKey.column();
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
