package io.rivulet.realtime.jms;

import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.FieldType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** A hand-made {@code todos} descriptor (with one hidden field), as the registry would build it. */
final class TestCollections {

    static final CollectionDescriptor TODOS = todos();

    private TestCollections() {
    }

    static Optional<CollectionDescriptor> find(String name) {
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
        return new FieldDescriptor(name, List.of(name), type, wire, name, List.of(), key, key, !key, false, hidden,
                false, null);
    }
}
