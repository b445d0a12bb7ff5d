package io.rivulet.query.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.query.Condition;
import io.rivulet.query.ConditionCases;
import io.rivulet.query.ConditionCases.Case;
import io.rivulet.query.ConditionCases.Expectation;
import io.rivulet.query.ConditionParser;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.FieldType;
import io.rivulet.schema.ValueCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shared table of condition cases ({@code conditions/cases.json}) through
 * {@link SqlConditionTranslator} against real databases over plain JDBC: H2 in memory (Payara's
 * default database, in its default mode), the local PostgreSQL, when one listens on
 * 127.0.0.1:5432, and the local MariaDB, when one listens on 127.0.0.1:3306 (user root, its default
 * collation). One {@code condition_probes} row per case, then
 * {@code SELECT COUNT(*) ... WHERE t.probe_id = ? AND <translated>}: every case whose {@code sql}
 * expectation (on MariaDB its {@code mariadb} one) is true, false or error.
 */
class SqlConditionCasesTest {

    private static final List<Case> CASES = ConditionCases.load();
    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String PG_SCHEMA = "rivulet_sql_conditions";
    private static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    /** TLS off: Connector/J 4 asks for it by default. */
    private static final String MARIADB_OPTIONS = "?sslMode=disable";

    /** The {@code conditionProbes} collection of the ITs ({@code it.probe.ConditionProbe}), by hand. */
    static final CollectionDescriptor PROBES = probes();

    @Test
    void everyCaseOnH2() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:", "sa", "")) {
            check(connection, "h2");
        }
    }

    @Test
    void everyCaseOnPostgresql() throws SQLException {
        Assumptions.assumeTrue(listening("127.0.0.1", 5432), "no PostgreSQL on 127.0.0.1:5432");
        try (Connection connection = DriverManager.getConnection(PG_URL, "postgres", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
                statement.execute("CREATE SCHEMA " + PG_SCHEMA);
            }
            connection.setSchema(PG_SCHEMA);
            try {
                check(connection, "postgresql");
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + PG_SCHEMA + " CASCADE");
                }
            }
        }
    }

    /** On a database of its own (others may share the server), dropped after. */
    @Test
    void everyCaseOnMariadb() throws SQLException {
        Assumptions.assumeTrue(listening("127.0.0.1", 3306), "no MariaDB on 127.0.0.1:3306");
        String database = "rivulet_sql_conditions_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(MARIADB_SERVER + MARIADB_OPTIONS, "root", "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
            try (Connection connection = DriverManager.getConnection(MARIADB_SERVER + database + MARIADB_OPTIONS,
                    "root", "")) {
                check(connection, "mariadb");
            } finally {
                statement.execute("DROP DATABASE " + database);
            }
        }
    }

    /** A 5,000-child {@code or} as the database parses it, flat. */
    @Test
    void veryWideOrOnH2() throws SQLException {
        List<Condition> children = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            children.add(new Condition.FieldTest(io.rivulet.query.Operator.EQ, "n", List.of((long) i)));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:", "sa", "")) {
            createTable(connection, "h2");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO condition_probes (probe_id, n) VALUES (1, 4321)")) {
                insert.executeUpdate();
            }
            List<Object> parameters = new ArrayList<>();
            String where = new SqlConditionTranslator(PROBES, "t", parameters).translate(new Condition.Or(children));
            assertEquals(1, count(connection, 1, where, parameters));
        }
    }

    private static void check(Connection connection, String database) throws SQLException {
        createTable(connection, database);
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            Expectation expected = c.sqlOn(database);
            if (expected == Expectation.SKIP) {
                continue;
            }
            int probeId = i + 1;
            insert(connection, probeId, c.row());
            run++;
            List<Object> parameters = new ArrayList<>();
            String where;
            try {
                Optional<Condition> condition = ConditionParser.parse(c.where());
                where = condition.isEmpty() ? "1=1"
                        : new SqlConditionTranslator(PROBES, "t", parameters).translate(condition.get());
            } catch (InvalidConditionException e) {
                if (expected != Expectation.ERROR) {
                    failures.add(c.name() + ": expected " + expected + ", got error " + e.getMessage()
                            + " for " + c.where());
                }
                continue;
            }
            if (expected == Expectation.ERROR) {
                failures.add(c.name() + ": expected an error, got " + where + " " + parameters + " for " + c.where());
                continue;
            }
            try {
                boolean matched = count(connection, probeId, where, parameters) == 1;
                if (matched != (expected == Expectation.TRUE)) {
                    failures.add(c.name() + ": expected " + expected + ", got " + matched + " from " + where + " "
                            + parameters + " for " + c.where());
                }
            } catch (SQLException e) {
                failures.add(c.name() + ": " + e.getMessage() + " from " + where + " " + parameters);
            }
        }
        System.out.println(database + ": ran " + run + " cases, " + failures.size() + " failures");
        failures.forEach(failure -> System.out.println(database + ": " + failure));
        assertTrue(run > 150, database + ": ran " + run + " cases");
        assertEquals(List.of(), failures, database + ":\n" + String.join("\n", failures));
    }

    /** As JPA creates it; on MariaDB a {@code timestamp} is another type (1970–2038, updated on write). */
    private static void createTable(Connection connection, String database) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS condition_probes");
            statement.execute("CREATE TABLE condition_probes (probe_id int PRIMARY KEY, id int, title varchar(255),"
                    + " n bigint, x double precision, d " + (database.equals("mariadb") ? "datetime(6)" : "timestamp")
                    + ", done boolean, s varchar(255))");
        }
    }

    /** The row as the REST write would store it: strict wire values, timestamps as UTC. */
    private static void insert(Connection connection, int probeId, Map<String, Object> row) throws SQLException {
        List<String> columns = new ArrayList<>(List.of("probe_id"));
        List<Object> values = new ArrayList<>(List.of(probeId));
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            FieldDescriptor field = PROBES.visibleField(entry.getKey())
                    .orElseThrow(() -> new AssertionError("No column for " + entry.getKey()));
            columns.add(field.column());
            values.add(SqlValues.jdbc(ValueCodec.fromWire(field, entry.getValue(), false)));
        }
        String sql = "INSERT INTO condition_probes (" + String.join(", ", columns) + ") VALUES ("
                + "?" + ", ?".repeat(values.size() - 1) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                insert.setObject(i + 1, values.get(i));
            }
            insert.executeUpdate();
        }
    }

    private static int count(Connection connection, int probeId, String where, List<Object> parameters)
            throws SQLException {
        String sql = "SELECT COUNT(*) FROM condition_probes t WHERE t.probe_id = ? AND " + where;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setInt(1, probeId);
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 2, parameters.get(i));
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static CollectionDescriptor probes() {
        FieldDescriptor probeId = field("probeId", "probe_id", Integer.class, FieldType.INTEGER, true);
        List<FieldDescriptor> fields = List.of(probeId,
                field("id", "id", Integer.class, FieldType.INTEGER, false),
                field("title", "title", String.class, FieldType.STRING, false),
                field("n", "n", Long.class, FieldType.INTEGER, false),
                field("x", "x", Double.class, FieldType.DECIMAL, false),
                field("d", "d", LocalDateTime.class, FieldType.TIMESTAMP, false),
                field("done", "done", Boolean.class, FieldType.BOOLEAN, false),
                field("s", "s", String.class, FieldType.STRING, false));
        return new CollectionDescriptor("conditionProbes", Object.class, "condition_probes", fields, List.of(probeId),
                List.of(), null);
    }

    private static FieldDescriptor field(String name, String column, Class<?> type, FieldType wire, boolean key) {
        return new FieldDescriptor(name, List.of(name), type, wire, column, List.of(), key, false, !key, false, false,
                false, null);
    }
}
