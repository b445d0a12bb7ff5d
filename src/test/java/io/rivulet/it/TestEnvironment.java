package io.rivulet.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
 * Prepares the Payara Micro that Arquillian starts for each IT class: a free HTTP port and the
 * database. With {@code rivulet.it.db=postgresql}: the local server at 127.0.0.1:5432 (or
 * {@code rivulet.it.pgPort}) when it answers, otherwise an embedded PostgreSQL (zonky); a fresh
 * database per class; and post-boot commands that point the server's default datasource at
 * it — exactly what a user does. With {@code h2} (the default): the server's own H2 default
 * datasource, fresh at every boot. A WildFly run ({@link WildFlyEnvironment}) needs none of this.
 */
public class TestEnvironment implements LauncherSessionListener, BeforeAllCallback {

    private static EmbeddedPostgres embedded;
    private static String jdbcUrl;
    private static String host;
    private static int port;
    private static Path preBoot;
    private static Path postBoot;
    private static int databases;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (preBoot != null || WildFlyEnvironment.isWildFly()) {
            return;
        }
        try {
            preBoot = Files.createTempFile("rivulet-pre-boot", ".asadmin");
            postBoot = Files.createTempFile("rivulet-post-boot", ".asadmin");
            String options = "--prebootcommandfile " + preBoot + " --postbootcommandfile " + postBoot;
            if (isPostgresql()) {
                options += " --addLibs " + pgDriver();
            }
            System.setProperty("payara.extraMicroOptions", options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PostgreSQL JDBC driver jar, for Payara Micro's {@code --addLibs}. */
    static String pgDriver() {
        return System.getProperty("rivulet.it.pgDriver");
    }

    /**
     * The PostgreSQL server of the tests: the local one at 127.0.0.1:5432 (or
     * {@code rivulet.it.pgPort}) when it answers, otherwise an embedded one, started once.
     */
    private static synchronized void ensurePostgresql() throws IOException {
        if (host != null) {
            return;
        }
        port = Integer.getInteger("rivulet.it.pgPort", 5432);
        if (!reachable("127.0.0.1", port)) {
            embedded = EmbeddedPostgres.builder().start();
            port = embedded.getPort();
        }
        host = "127.0.0.1";
    }

    /** A fresh, empty PostgreSQL database (on any run, H2 or not), for tests that need one shared by several servers. */
    static synchronized Database freshDatabase() throws IOException, SQLException {
        ensurePostgresql();
        String database = "rivulet_it_" + ProcessHandle.current().pid() + "_" + (++databases);
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port
                + "/postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
        }
        return new Database(host, port, database);
    }

    /** A PostgreSQL database of the tests (trust authentication, user postgres). */
    record Database(String host, int port, String name) {
        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), "postgres", "");
        }

        /** The post-boot commands that make it Payara's default datasource. */
        String postBootCommands() {
            return PayaraCommands.postBoot(host, port, name, "postgres", "");
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

    /** Runs before Arquillian deploys the class (register it before ArquillianExtension). */
    @Override
    public void beforeAll(ExtensionContext context) throws SQLException, IOException {
        if (preBoot == null) {
            return; // not a Payara run
        }
        ServerProperties properties = context.getRequiredTestClass().getAnnotation(ServerProperties.class);
        Files.writeString(preBoot, PayaraCommands.preBoot(freePort())
                + (properties == null ? "" : PayaraCommands.systemProperties(properties.value())));
        if (!isPostgresql()) {
            return;
        }
        Database database = freshDatabase();
        jdbcUrl = database.jdbcUrl();
        Files.writeString(postBoot, database.postBootCommands());
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
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
