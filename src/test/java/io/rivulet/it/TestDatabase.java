package io.rivulet.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the database of an integration-test run before Arquillian starts Payara Micro.
 * With {@code rivulet.it.db=postgresql}: the local server at 127.0.0.1:5432 when it answers,
 * otherwise an embedded PostgreSQL (zonky); a fresh database for the run; and Payara Micro
 * options that point the server's default datasource at it — exactly what a user does.
 * With {@code h2} (the default) nothing changes: the server's own H2 default datasource.
 */
public class TestDatabase implements LauncherSessionListener {

    private static EmbeddedPostgres embedded;
    private static String jdbcUrl;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!isPostgresql() || jdbcUrl != null) {
            return;
        }
        try {
            String host = "127.0.0.1";
            int port = 5432;
            if (!reachable(host, port)) {
                embedded = EmbeddedPostgres.builder().start();
                port = embedded.getPort();
            }
            String database = "rivulet_it_" + ProcessHandle.current().pid();
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port
                    + "/postgres", "postgres", "");
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
                statement.execute("CREATE DATABASE " + database);
            }
            jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + database;
            Path commands = Files.createTempFile("rivulet-postgresql", ".asadmin");
            Files.writeString(commands, PayaraDatasource.postBootCommands(host, port, database, "postgres", ""));
            System.setProperty("payara.extraMicroOptions", "--postbootcommandfile " + commands
                    + " --addLibs " + System.getProperty("rivulet.it.pgDriver"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the PostgreSQL test database", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the process ends anyway
            }
        }
    }

    public static boolean isPostgresql() {
        return "postgresql".equals(System.getProperty("rivulet.it.db", "h2"));
    }

    /** A direct connection to the test database (PostgreSQL runs only), for checks behind the API. */
    public static Connection connect() throws SQLException {
        if (jdbcUrl == null) {
            throw new IllegalStateException("not a PostgreSQL run");
        }
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
