package io.rivulet.changes.postgresql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.PGProperty;

/**
 * Opens the reader's two connections straight through the driver, outside the server's pool (a
 * pooled connection may be reset or closed under a session lock): the lock connection, which holds
 * the reader's advisory lock, and the replication connection. pgjdbc is the server's
 * ({@code provided}), as any PostgreSQL deployment of Rivulet has it.
 *
 * @param url      the JDBC URL ({@code jdbc:postgresql://host:port/database})
 * @param user     a user with the REPLICATION attribute (or a superuser)
 * @param password its password, or null
 */
record ReaderConnections(String url, String user, String password) {

    Connection lock() throws SQLException {
        return open(new Properties());
    }

    Connection replication() throws SQLException {
        Properties properties = new Properties();
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        return open(properties);
    }

    private Connection open(Properties properties) throws SQLException {
        if (user != null) {
            PGProperty.USER.set(properties, user);
        }
        if (password != null) {
            PGProperty.PASSWORD.set(properties, password);
        }
        PGProperty.APPLICATION_NAME.set(properties, "rivulet-change-source");
        PGProperty.CONNECT_TIMEOUT.set(properties, 10);
        PGProperty.TCP_KEEP_ALIVE.set(properties, true);
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        return connection;
    }

    @Override
    public String toString() {
        return url + " as " + user;
    }
}
