package io.rivulet.it;

/** The asadmin commands that point Payara's default datasource at PostgreSQL (see README). */
final class PayaraDatasource {

    private PayaraDatasource() {
    }

    /** Payara's pool refuses an empty password; with trust authentication any value does. */
    static String postBootCommands(String host, int port, String database, String user, String password) {
        String properties = "serverName=" + host + ":portNumber=" + port + ":databaseName=" + database
                + ":user=" + user + ":password=" + (password.isEmpty() ? "unused" : password);
        return String.join("\n",
                "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                        + " --restype javax.sql.DataSource --property " + properties + " RivuletPool",
                "set resources.jdbc-resource.jdbc/__default.pool-name=RivuletPool",
                "");
    }
}
