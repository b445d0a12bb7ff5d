package io.rivulet.schema.drift;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A table as the live database describes it (JDBC metadata): its columns by lower-case name and
 * its primary key columns. Names compare case-insensitively, as unquoted SQL identifiers do
 * (H2 stores them upper-case, PostgreSQL lower-case).
 *
 * @param name       the table's name as the database spells it
 * @param columns    lower-case column name → column
 * @param primaryKey the primary key's columns, lower-case, in key order (empty: no primary key)
 */
public record DatabaseTable(String name, Map<String, Column> columns, List<String> primaryKey) {

    /** One column: its name as the database spells it, and whether it accepts NULL. */
    public record Column(String name, boolean nullable) {
    }

    public DatabaseTable {
        columns = Map.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public Optional<Column> column(String column) {
        return Optional.ofNullable(columns.get(column.toLowerCase(Locale.ROOT)));
    }
}
