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

    /**
     * The replication connection, without the URL's {@code socketTimeout}: an idle stream has no
     * traffic from the server (it sends keepalives only when the client's status updates stop),
     * so a read timeout would end every quiet stream; a dead server is seen by the socket closing,
     * or by TCP keepalive.
     */
    Connection replication() throws SQLException {
        Properties properties = new Properties();
        PGProperty.SOCKET_TIMEOUT.set(properties, 0);
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        return open(properties);
    }

    private Connection open(Properties properties) throws SQLException {
        String target = properties.containsKey(PGProperty.SOCKET_TIMEOUT.getName()) ? withoutSocketTimeout(url) : url;
        if (user != null) {
            PGProperty.USER.set(properties, user);
        }
        if (password != null) {
            PGProperty.PASSWORD.set(properties, password);
        }
        PGProperty.APPLICATION_NAME.set(properties, "rivulet-change-source");
        PGProperty.CONNECT_TIMEOUT.set(properties, 10);
        PGProperty.TCP_KEEP_ALIVE.set(properties, true);
        Connection connection = new org.postgresql.Driver().connect(target, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        return connection;
    }

    /** The URL without its {@code socketTimeout} parameter (the URL's parameters win over properties). */
    static String withoutSocketTimeout(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String kept = java.util.Arrays.stream(url.substring(query + 1).split("&"))
                .filter(p -> !p.toLowerCase(java.util.Locale.ROOT).startsWith("sockettimeout="))
                .collect(java.util.stream.Collectors.joining("&"));
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    @Override
    public String toString() {
        return url + " as " + user;
    }
}
