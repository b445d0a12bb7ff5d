package io.rivulet.schema;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A hand-made {@code todos} descriptor as the registry would build it: {@code id} (generated key),
 * {@code title} (optional), {@code completed} (required), {@code secret} (hidden), timestamps.
 */
public final class TestCollections {

    public static final CollectionDescriptor TODOS = todos();

    private TestCollections() {
    }

    public static Optional<CollectionDescriptor> find(String name) {
        return TODOS.name().equals(name) ? Optional.of(TODOS) : Optional.empty();
    }

    private static CollectionDescriptor todos() {
        FieldDescriptor id = field("id", Integer.class, FieldType.INTEGER, true, false);
        List<FieldDescriptor> fields = List.of(id,
                field("title", String.class, FieldType.STRING, false, false),
                field("completed", Boolean.class, FieldType.BOOLEAN, false, false),
                field("secret", String.class, FieldType.STRING, false, true),
                field("createdAt", LocalDateTime.class, FieldType.TIMESTAMP, false, false),
                field("updatedAt", LocalDateTime.class, FieldType.TIMESTAMP, false, false));
        return new CollectionDescriptor("todos", Object.class, "todos", fields, List.of(id), List.of(), null);
    }

    private static FieldDescriptor field(String name, Class<?> type, FieldType wire, boolean key, boolean hidden) {
        boolean optional = !key && !"completed".equals(name);
        return new FieldDescriptor(name, List.of(name), type, wire, column(name), List.of(), key, key, optional, false,
                hidden, false, null);
    }

    /** Snake case, as the example's columns are ({@code createdAt} → {@code created_at}). */
    private static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
