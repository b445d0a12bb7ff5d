package io.rivulet.schema.drift;

import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compares the entities (collection descriptors, from the JPA metamodel) with the live database
 * (SCHEMA.md §4): missing tables and columns, nullability, primary key columns. Pure: the tables
 * come in through a lookup.
 *
 * <p>What breaks the application is an error: a missing table or column (every read fails), a
 * column that refuses NULL for a field the entities call optional (writes of null fail), a
 * primary key on other columns or none (keys and {@code 409}s no longer mean what the API
 * says). A column that accepts NULL for a required field is only a note: the database enforces
 * less than the entities, which hurts no request (but rows written around Rivulet may hold NULLs).
 */
public final class DatabaseDrift {

    /** One difference; {@code fatal} ones refuse the deployment unless drift is set to warn. */
    public record Difference(String collection, String table, String detail, boolean fatal) {
        @Override
        public String toString() {
            return (fatal ? "" : "(note) ") + collection + " (table " + table + "): " + detail;
        }
    }

    private DatabaseDrift() {
    }

    /** @param tables the database's table by the name the entities give it (case-insensitive) */
    public static List<Difference> compare(Iterable<CollectionDescriptor> collections,
            Function<String, Optional<DatabaseTable>> tables) {
        List<Difference> differences = new ArrayList<>();
        for (CollectionDescriptor collection : collections) {
            Optional<DatabaseTable> table = tables.apply(collection.table());
            if (table.isEmpty()) {
                differences.add(new Difference(collection.name(), collection.table(), "the table is missing", true));
            } else {
                compareColumns(collection, table.get(), differences);
                compareKey(collection, table.get(), differences);
            }
        }
        return differences;
    }

    /** Rivulet's own tables ({@link OwnTables}): each must exist with its columns. */
    public static List<Difference> compareOwn(Map<String, List<String>> expected,
            Function<String, Optional<DatabaseTable>> tables) {
        List<Difference> differences = new ArrayList<>();
        expected.forEach((name, columns) -> {
            Optional<DatabaseTable> table = tables.apply(name);
            if (table.isEmpty()) {
                differences.add(new Difference("(Rivulet)", name, "Rivulet's table is missing", true));
            } else {
                columns.stream().filter(c -> table.get().column(c).isEmpty()).forEach(c -> differences.add(
                        new Difference("(Rivulet)", name, "column " + c + " is missing from Rivulet's table", true)));
            }
        });
        return differences;
    }

    private static void compareColumns(CollectionDescriptor collection, DatabaseTable table, List<Difference> out) {
        for (FieldDescriptor field : collection.fields()) {
            Optional<DatabaseTable.Column> column = table.column(field.column());
            if (column.isEmpty()) {
                out.add(new Difference(collection.name(), table.name(), "column " + field.column()
                        + " is missing (field " + field.name() + ")", true));
            } else if (field.optional() && !column.get().nullable()) {
                out.add(new Difference(collection.name(), table.name(), "column " + column.get().name()
                        + " is NOT NULL, but field " + field.name() + " is optional (writing null fails)", true));
            } else if (!field.optional() && !field.primaryKey() && column.get().nullable()) {
                out.add(new Difference(collection.name(), table.name(), "column " + column.get().name()
                        + " accepts NULL, but field " + field.name() + " is required", false));
            }
        }
    }

    private static void compareKey(CollectionDescriptor collection, DatabaseTable table, List<Difference> out) {
        List<String> expected = collection.primaryKey().stream().map(f -> f.column().toLowerCase(Locale.ROOT)).toList();
        if (table.primaryKey().isEmpty()) {
            out.add(new Difference(collection.name(), table.name(), "the table has no primary key; the entities' key is "
                    + expected, true));
        } else if (!new java.util.HashSet<>(table.primaryKey()).equals(new java.util.HashSet<>(expected))) {
            out.add(new Difference(collection.name(), table.name(), "the primary key is " + table.primaryKey()
                    + ", the entities' key is " + expected, true));
        }
    }

    /** A readable report of the differences, one per line. */
    public static String report(List<Difference> differences) {
        long fatal = differences.stream().filter(Difference::fatal).count();
        StringBuilder report = new StringBuilder("Rivulet: the database does not match the entities (")
                .append(fatal).append(fatal == 1 ? " difference" : " differences");
        if (fatal < differences.size()) {
            long notes = differences.size() - fatal;
            report.append(", ").append(notes).append(notes == 1 ? " note" : " notes");
        }
        report.append("):");
        differences.forEach(d -> report.append("\n  ").append(d));
        return report.toString();
    }
}
