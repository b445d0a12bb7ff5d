package io.rivulet.schema.drift;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads tables from the live database with JDBC metadata, by name, case-insensitively: in the
 * connection's current schema, or in the schema a name carries ({@code analytics.event}).
 */
final class DatabaseTables {

    private final DatabaseMetaData metadata;
    private final String defaultSchema;
    private final Map<String, Map<String, String>> tablesBySchema = new HashMap<>();

    DatabaseTables(Connection connection) throws SQLException {
        this.metadata = connection.getMetaData();
        this.defaultSchema = connection.getSchema();
    }

    Optional<DatabaseTable> find(String qualifiedName) throws SQLException {
        int dot = qualifiedName.lastIndexOf('.');
        String schema = dot < 0 ? defaultSchema : qualifiedName.substring(0, dot);
        String name = qualifiedName.substring(dot + 1);
        String actualSchema = schema == null ? null : matchSchema(schema);
        String actual = tables(actualSchema).get(name.toLowerCase(Locale.ROOT));
        if (actual == null) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseTable(actual, columns(actualSchema, actual), primaryKey(actualSchema, actual)));
    }

    private String matchSchema(String schema) throws SQLException {
        try (ResultSet schemas = metadata.getSchemas()) {
            while (schemas.next()) {
                if (schemas.getString("TABLE_SCHEM").equalsIgnoreCase(schema)) {
                    return schemas.getString("TABLE_SCHEM");
                }
            }
        }
        return schema;
    }

    /** Lower-case name → the name as the database spells it, of every table and view of a schema. */
    private Map<String, String> tables(String schema) throws SQLException {
        Map<String, String> tables = tablesBySchema.get(schema);
        if (tables == null) {
            tables = new HashMap<>();
            try (ResultSet rows = metadata.getTables(null, schema, "%", new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME");
                    tables.putIfAbsent(table.toLowerCase(Locale.ROOT), table);
                }
            }
            tablesBySchema.put(schema, tables);
        }
        return tables;
    }

    private Map<String, DatabaseTable.Column> columns(String schema, String table) throws SQLException {
        Map<String, DatabaseTable.Column> columns = new LinkedHashMap<>();
        try (ResultSet rows = metadata.getColumns(null, schema, escape(table), "%")) {
            while (rows.next()) {
                String column = rows.getString("COLUMN_NAME");
                columns.put(column.toLowerCase(Locale.ROOT), new DatabaseTable.Column(column,
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        return columns;
    }

    private java.util.List<String> primaryKey(String schema, String table) throws SQLException {
        TreeMap<Short, String> key = new TreeMap<>();
        try (ResultSet rows = metadata.getPrimaryKeys(null, schema, table)) {
            while (rows.next()) {
                key.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return java.util.List.copyOf(key.values());
    }

    /** A table name as a metadata pattern: {@code _} and {@code %} match themselves. */
    private String escape(String name) throws SQLException {
        String escape = metadata.getSearchStringEscape();
        return escape == null || escape.isEmpty() ? name
                : name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
