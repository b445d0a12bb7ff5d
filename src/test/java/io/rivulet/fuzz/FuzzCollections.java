package io.rivulet.fuzz;

import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.FieldType;
import io.rivulet.schema.RelationDescriptor;
import io.rivulet.schema.TestCollections;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The collections the fuzz targets parse against, by hand: {@code todos} ({@link TestCollections})
 * with two relations to itself, so that include trees nest, and {@code members} with a compound key.
 */
final class FuzzCollections {

    static final CollectionDescriptor TODOS = withRelations(TestCollections.TODOS);
    static final CollectionDescriptor MEMBERS = members();

    /** Finds the two collections, as the registry of a deployment does. */
    static final CollectionRegistry REGISTRY = new CollectionRegistry() {
        @Override
        public Optional<CollectionDescriptor> find(String name) {
            return Stream.of(TODOS, MEMBERS).filter(c -> c.name().equals(name)).findFirst();
        }
    };

    private FuzzCollections() {
    }

    private static CollectionDescriptor withRelations(CollectionDescriptor todos) {
        RelationDescriptor children = new RelationDescriptor("children", true,
                List.of(new RelationDescriptor.Hop(List.of("id"), List.of("id"), "todos")), List.of("children"));
        RelationDescriptor parent = new RelationDescriptor("parent", false,
                List.of(new RelationDescriptor.Hop(List.of("id"), List.of("id"), "todos")), List.of("parent"));
        return new CollectionDescriptor(todos.name(), Object.class, "todos", todos.fields(), todos.primaryKey(),
                List.of(children, parent), null);
    }

    private static CollectionDescriptor members() {
        List<FieldDescriptor> key = List.of(field("teamId", Integer.class, FieldType.INTEGER),
                field("userId", Long.class, FieldType.INTEGER), field("slug", String.class, FieldType.STRING),
                field("since", LocalDateTime.class, FieldType.TIMESTAMP), field("active", Boolean.class, FieldType.BOOLEAN));
        return new CollectionDescriptor("members", Object.class, "members", key, key, List.of(), null);
    }

    private static FieldDescriptor field(String name, Class<?> type, FieldType wire) {
        return new FieldDescriptor(name, List.of(name), type, wire, name, List.of(), true, false, false, false, false,
                false, null);
    }
}
