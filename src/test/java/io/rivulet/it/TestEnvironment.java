package io.rivulet.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The databases of the Payara Micro test servers ({@link SharedPayaraMicro}, {@link PayaraNode}).
 * With {@code rivulet.it.db=postgresql}: the local server at 127.0.0.1:5432 (or
 * {@code rivulet.it.pgPort}) when it answers, otherwise an embedded PostgreSQL (zonky); a fresh
 * database per test server; and post-boot commands that point the server's default datasource at
 * it — exactly what a user does. With {@code mariadb}: the same on the local MariaDB at
 * 127.0.0.1:3306 (or {@code rivulet.it.mariadbPort}; user root, no password); there is no embedded fallback, so a run without MariaDB fails. With
 * {@code h2} (the default): the server's own H2 default datasource, fresh at every boot.
 * When the JVM's tests end, it stops the shared test servers and drops the run's databases. A
 * WildFly run ({@link WildFlyEnvironment}) needs none of this.
 */
public class TestEnvironment implements LauncherSessionListener {

    private static EmbeddedPostgres embedded;
    /** The database of the IT class being run (PostgreSQL and MariaDB runs). */
    private static Database current;
    private static String host;
    private static int port;
    private static int databases;
    /** This run's databases, dropped when it ends. */
    private static final java.util.List<Database> runDatabases = new java.util.ArrayList<>();

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

    /** The database servers an IT run can point Payara's default datasource at. */
    enum Server {
        /** Trust authentication, user postgres. */
        POSTGRESQL("postgres", "postgres", "rivulet.it.pgDriver"),
        /** User root without a password; TLS off (Connector/J 4 asks for it by default). */
        MARIADB("root", "", "rivulet.it.mariadbDriver");

        final String user;
        /** The database an admin connection opens ("" for none). */
        final String adminDatabase;
        private final String driverProperty;

        Server(String user, String adminDatabase, String driverProperty) {
            this.user = user;
            this.adminDatabase = adminDatabase;
            this.driverProperty = driverProperty;
        }

        String jdbcUrl(String host, int port, String database) {
            return this == POSTGRESQL ? "jdbc:postgresql://" + host + ":" + port + "/" + database
                    : "jdbc:mariadb://" + host + ":" + port + "/" + database + "?sslMode=disable";
        }

        /** The JDBC driver jar, for Payara Micro's {@code --addLibs}. */
        String driver() {
            return System.getProperty(driverProperty);
        }
    }

    /** A fresh, empty PostgreSQL database (on any run, H2 or not), for tests that need one shared by several servers. */
    static Database freshDatabase() throws IOException, SQLException {
        return freshDatabase(Server.POSTGRESQL);
    }

    /**
     * A fresh, empty database on that server, for tests that start servers themselves: on a
     * MariaDB run the run's MariaDB, else PostgreSQL.
     */
    static Database freshDatabaseOfRun() throws IOException, SQLException {
        return freshDatabase(isMariadb() ? Server.MARIADB : Server.POSTGRESQL);
    }

    /** A fresh, empty database on that server, dropped when the run ends. */
    static synchronized Database freshDatabase(Server server) throws IOException, SQLException {
        String serverHost = "127.0.0.1";
        int serverPort;
        if (server == Server.POSTGRESQL) {
            ensurePostgresql();
            serverHost = host;
            serverPort = port;
        } else {
            serverPort = Integer.getInteger("rivulet.it.mariadbPort", 3306);
            if (!reachable(serverHost, serverPort)) {
                throw new IllegalStateException("No MariaDB answers on " + serverHost + ":" + serverPort
                        + ": the MariaDB ITs (failsafe execution it-mariadb) need one, user root without a password"
                        + " (.ci/run starts the machine's own)");
            }
        }
        // the process id and a random part: runs of other checkouts may share the server
        String name = "rivulet_it_" + ProcessHandle.current().pid() + "_"
                + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 20), 36) + "_"
                + (++databases);
        Database database = new Database(server, serverHost, serverPort, name);
        try (Connection admin = database.admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        runDatabases.add(database);
        return database;
    }

    /** A database of the tests. */
    record Database(Server server, String host, int port, String name) {
        String jdbcUrl() {
            return server.jdbcUrl(host, port, name);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), server.user, "");
        }

        /** A connection to the server outside this database, to create or drop it. */
        Connection admin() throws SQLException {
            return DriverManager.getConnection(server.jdbcUrl(host, port, server.adminDatabase), server.user, "");
        }

        /** The post-boot commands that make it Payara's default datasource. */
        String postBootCommands() {
            return PayaraCommands.postBoot(this);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedPayaraMicro.stopAll();
        for (Database database : runDatabases) {
            try (Connection admin = database.admin(); Statement statement = admin.createStatement()) {
                // the servers are stopped; FORCE ends what a killed one may have left connected
                statement.execute("DROP DATABASE IF EXISTS " + database.name()
                        + (database.server() == Server.POSTGRESQL ? " WITH (FORCE)" : ""));
            } catch (SQLException e) {
                System.err.println("Could not drop the test database " + database.name() + ": " + e);
            }
        }
        runDatabases.clear();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the process ends anyway
            }
        }
    }

    /**
     * The database of a Payara Micro test server: a fresh one on a PostgreSQL or MariaDB run, null
     * (the server's own H2) otherwise.
     */
    static TestEnvironment.Database databaseOfRun() throws IOException, SQLException {
        return isPostgresql() || isMariadb() ? freshDatabaseOfRun() : null;
    }

    /** The database of the IT class about to run (its server's), for {@link #connect()}. */
    static void use(Database database) {
        current = database;
    }

    public static boolean isPostgresql() {
        return "postgresql".equals(System.getProperty("rivulet.it.db", "h2"));
    }

    public static boolean isMariadb() {
        return "mariadb".equals(System.getProperty("rivulet.it.db", "h2"));
    }

    /** A direct connection to the test database (PostgreSQL and MariaDB runs), for checks behind the API. */
    public static Connection connect() throws SQLException {
        if (current == null) {
            throw new IllegalStateException("not a PostgreSQL or MariaDB run");
        }
        return current.connect();
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
