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
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the database of an integration-test run before Arquillian starts Payara Micro.
 * With {@code rivulet.it.db=postgresql}: the local server at 127.0.0.1:5432 when it answers,
 * otherwise an embedded PostgreSQL (zonky); a fresh database for the run; and Payara Micro
 * options that point the server's default datasource at it — exactly what a user does.
 * With {@code h2} (the default) nothing changes: the server's own H2 default datasource.
 */
public class TestDatabase implements LauncherSessionListener, BeforeAllCallback {

    private static EmbeddedPostgres embedded;
    private static String jdbcUrl;
    private static String host;
    private static int port;
    private static Path commands;
    private static int databases;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (commands != null) {
            return;
        }
        try {
            commands = Files.createTempFile("rivulet-post-boot", ".asadmin");
            Files.writeString(commands, PayaraDatasource.base());
            System.setProperty("payara.extraMicroOptions", "--postbootcommandfile " + commands);
            if (!isPostgresql()) {
                return;
            }
            host = "127.0.0.1";
            port = Integer.getInteger("rivulet.it.pgPort", 5432);
            if (!reachable(host, port)) {
                embedded = EmbeddedPostgres.builder().start();
                port = embedded.getPort();
            }
            System.setProperty("payara.extraMicroOptions", "--postbootcommandfile " + commands
                    + " --addLibs " + System.getProperty("rivulet.it.pgDriver"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each test class gets an empty PostgreSQL database (on H2 every Payara Micro boot is fresh
     * anyway). Runs before Arquillian deploys, so register it before ArquillianExtension.
     */
    @Override
    public void beforeAll(ExtensionContext context) throws SQLException, IOException {
        if (!isPostgresql()) {
            return;
        }
        String database = "rivulet_it_" + ProcessHandle.current().pid() + "_" + (++databases);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port
                + "/postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        }
        jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        Files.writeString(commands, PayaraDatasource.postBootCommands(host, port, database, "postgres", ""));
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
