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
 *
 * <p>Where the database has catalogs and no schemas (MariaDB and MySQL: a database is a catalog,
 * {@code getSchema()} is null), the "schema" is the catalog: the connection's current database, or
 * the one a name carries. Asked with a null catalog and schema, such a driver answers with the
 * tables of every database on the server.
 */
final class DatabaseTables {

    private final DatabaseMetaData metadata;
    /** Whether the name's qualifier is a catalog (MariaDB, MySQL) rather than a schema. */
    private final boolean catalogs;
    private final String defaultSchema;
    private final Map<String, Map<String, String>> tablesBySchema = new HashMap<>();

    DatabaseTables(Connection connection) throws SQLException {
        this.metadata = connection.getMetaData();
        this.catalogs = !metadata.supportsSchemasInTableDefinitions() && metadata.supportsCatalogsInTableDefinitions();
        this.defaultSchema = catalogs ? connection.getCatalog() : connection.getSchema();
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
        String column = catalogs ? "TABLE_CAT" : "TABLE_SCHEM";
        try (ResultSet schemas = catalogs ? metadata.getCatalogs() : metadata.getSchemas()) {
            while (schemas.next()) {
                if (schemas.getString(column).equalsIgnoreCase(schema)) {
                    return schemas.getString(column);
                }
            }
        }
        return schema;
    }

    /** The catalog argument of a metadata call for that schema. */
    private String catalog(String schema) {
        return catalogs ? schema : null;
    }

    /** The schema argument of a metadata call for that schema. */
    private String schemaPattern(String schema) {
        return catalogs ? null : schema;
    }

    /** Lower-case name → the name as the database spells it, of every table and view of a schema. */
    private Map<String, String> tables(String schema) throws SQLException {
        Map<String, String> tables = tablesBySchema.get(schema);
        if (tables == null) {
            tables = new HashMap<>();
            try (ResultSet rows = metadata.getTables(catalog(schema), schemaPattern(schema), "%",
                    new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
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
        try (ResultSet rows = metadata.getColumns(catalog(schema), schemaPattern(schema), escape(table), "%")) {
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
        try (ResultSet rows = metadata.getPrimaryKeys(catalog(schema), schemaPattern(schema), table)) {
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
