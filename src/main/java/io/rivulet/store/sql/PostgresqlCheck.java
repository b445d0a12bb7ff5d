package io.rivulet.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Whether the database is PostgreSQL: read from the first connection's metadata, then kept. */
final class PostgresqlCheck {

    private volatile Boolean postgresql;

    boolean of(Connection connection) throws SQLException {
        Boolean known = postgresql;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            postgresql = known;
        }
        return known;
    }
}
