package io.rivulet.it;

/**
 * The post-boot asadmin commands of a test server: the project's {@code payara/post-boot.asadmin},
 * plus, for PostgreSQL, the pool that becomes Payara's default datasource (see README).
 */
final class PayaraDatasource {

    private PayaraDatasource() {
    }

    static String base() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("payara/post-boot.asadmin")) + "\n";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Payara's pool refuses an empty password; with trust authentication any value does. */
    static String postBootCommands(String host, int port, String database, String user, String password) {
        String properties = "serverName=" + host + ":portNumber=" + port + ":databaseName=" + database
                + ":user=" + user + ":password=" + (password.isEmpty() ? "unused" : password);
        return base() + String.join("\n",
                "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                        + " --restype javax.sql.DataSource --property " + properties + " RivuletPool",
                "set resources.jdbc-resource.jdbc/__default.pool-name=RivuletPool",
                "");
    }
}
