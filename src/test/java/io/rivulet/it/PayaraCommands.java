package io.rivulet.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The asadmin command files of a test server: pre-boot (the project's
 * {@code payara/pre-boot.asadmin} and the HTTP port) and post-boot (for PostgreSQL, the pool that
 * becomes Payara's default datasource — see README). On Payara Server ({@link PayaraServer}) the
 * same commands run with asadmin.
 */
final class PayaraCommands {

    private PayaraCommands() {
    }

    /**
     * Payara Micro's own random port with autobind can move to the next port when the chosen one
     * is taken and still report the taken one, so the tests choose a free port themselves.
     */
    static String preBoot(int httpPort) {
        return projectPreBoot() + "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.port="
                + httpPort + "\n";
    }

    /**
     * The project's pre-boot settings for Payara Server, run with asadmin on the running domain:
     * its HTTP listener is {@code http-listener-1} (Payara Micro's is {@code http-listener}).
     */
    static String serverSettings() {
        return projectPreBoot().replace(".protocol.http-listener.", ".protocol.http-listener-1.");
    }

    /** JVM system properties, as {@code -Dname=value} would set them (a ':' in a value is escaped). */
    static String systemProperties(String... properties) {
        StringBuilder commands = new StringBuilder();
        for (String property : properties) {
            commands.append("create-system-properties ").append(property.replace(":", "\\:")).append('\n');
        }
        return commands.toString();
    }

    private static String projectPreBoot() {
        return projectFile("payara/pre-boot.asadmin") + "\n" + errorPages();
    }

    /** What {@code payara/error-pages} prints: Payara's own error responses with the protocol's JSON body. */
    private static String errorPages() {
        try {
            Process script = new ProcessBuilder("bash", "payara/error-pages").redirectErrorStream(true).start();
            String commands = new String(script.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (script.waitFor() != 0) {
                throw new IllegalStateException("payara/error-pages failed: " + commands);
            }
            return commands;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String projectFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pool that makes the database Payara's default datasource, as {@code bin/run-postgresql} and {@code bin/run-mariadb} make it. */
    static String postBoot(TestEnvironment.Database database) {
        return database.server() == TestEnvironment.Server.MARIADB ? mariadb(database) : postgresql(database);
    }

    /** Payara's pool refuses an empty password; with trust authentication any value does. */
    private static String postgresql(TestEnvironment.Database database) {
        String properties = "serverName=" + database.host() + ":portNumber=" + database.port() + ":databaseName="
                + database.name() + ":user=postgres:password=unused:connectTimeout=5:socketTimeout=60";
        return pool("org.postgresql.ds.PGSimpleDataSource", "payara/postgresql-pool.options", properties);
    }

    /**
     * MariaDB's data source takes the whole URL (its ':' and '=' escaped for asadmin). Root has no
     * password, and a pool with a user but no password refuses to connect ("No password credential
     * found"), so the user goes in the URL.
     */
    private static String mariadb(TestEnvironment.Database database) {
        String url = database.jdbcUrl() + "&user=root&connectTimeout=5000&socketTimeout=60000";
        String properties = "url=" + url.replace(":", "\\:").replace("=", "\\=");
        return pool("org.mariadb.jdbc.MariaDbDataSource", "payara/mariadb-pool.options", properties);
    }

    private static String pool(String dataSourceClass, String optionsFile, String properties) {
        return String.join("\n",
                "create-jdbc-connection-pool --datasourceclassname " + dataSourceClass
                        + " --restype javax.sql.DataSource " + projectFile(optionsFile).strip()
                        + " --property " + properties + " RivuletPool",
                "set resources.jdbc-resource.jdbc/__default.pool-name=RivuletPool",
                "");
    }
}
