package io.rivulet.schema.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.schema.TestCollections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseDriftTest {

    /** The table JPA would create for {@link TestCollections#TODOS}, in H2's upper case. */
    private static Map<String, DatabaseTable.Column> columns() {
        Map<String, DatabaseTable.Column> columns = new LinkedHashMap<>();
        columns.put("id", new DatabaseTable.Column("ID", false));
        columns.put("title", new DatabaseTable.Column("TITLE", true));
        columns.put("completed", new DatabaseTable.Column("COMPLETED", false));
        columns.put("secret", new DatabaseTable.Column("SECRET", true));
        columns.put("created_at", new DatabaseTable.Column("CREATED_AT", true));
        columns.put("updated_at", new DatabaseTable.Column("UPDATED_AT", true));
        return columns;
    }

    private static List<String> compare(Map<String, DatabaseTable.Column> columns, List<String> key) {
        DatabaseTable table = new DatabaseTable("TODOS", columns, key);
        return DatabaseDrift.compare(List.of(TestCollections.TODOS),
                name -> name.equalsIgnoreCase("todos") ? Optional.of(table) : Optional.empty())
                .stream().map(DatabaseDrift.Difference::toString).toList();
    }

    @Test
    void theTableJpaCreatesMatches() {
        assertEquals(List.of(), compare(columns(), List.of("id")));
    }

    @Test
    void missingTableAndColumnsIncludingHiddenOnes() {
        assertEquals(List.of("todos (table todos): the table is missing"),
                DatabaseDrift.compare(List.of(TestCollections.TODOS), name -> Optional.empty()).stream()
                        .map(DatabaseDrift.Difference::toString).toList());
        Map<String, DatabaseTable.Column> columns = columns();
        columns.remove("completed");
        columns.remove("secret");
        assertEquals(List.of("todos (table TODOS): column completed is missing (field completed)",
                "todos (table TODOS): column secret is missing (field secret)"), compare(columns, List.of("id")));
    }

    @Test
    void nullability() {
        Map<String, DatabaseTable.Column> columns = columns();
        columns.put("title", new DatabaseTable.Column("TITLE", false));
        columns.put("completed", new DatabaseTable.Column("COMPLETED", true));
        assertEquals(List.of("todos (table TODOS): column TITLE is NOT NULL, but field title is optional (writing null fails)",
                "(note) todos (table TODOS): column COMPLETED accepts NULL, but field completed is required"),
                compare(columns, List.of("id")));
    }

    @Test
    void primaryKeyColumns() {
        assertEquals(List.of("todos (table TODOS): the table has no primary key; the entities' key is [id]"),
                compare(columns(), List.of()));
        assertEquals(List.of("todos (table TODOS): the primary key is [id, title], the entities' key is [id]"),
                compare(columns(), List.of("id", "title")));
    }

    @Test
    void theReportCountsDifferencesAndNotes() {
        DatabaseDrift.Difference missing = new DatabaseDrift.Difference("todos", "todos", "column x is missing", true);
        DatabaseDrift.Difference note = new DatabaseDrift.Difference("todos", "todos", "column y accepts NULL", false);
        String report = DatabaseDrift.report(List.of(missing, note));
        assertTrue(report.startsWith("Rivulet: the database does not match the entities (1 difference, 1 note):\n"),
                report);
        assertTrue(report.contains("\n  todos (table todos): column x is missing"), report);
    }
}
