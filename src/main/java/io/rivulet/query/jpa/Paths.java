package io.rivulet.query.jpa;

import io.rivulet.schema.FieldDescriptor;
import jakarta.persistence.criteria.Path;

/** Navigates from a Criteria root to a field, through an embedded id when there is one. */
public final class Paths {

    private Paths() {
    }

    @SuppressWarnings("unchecked")
    public static <T> Path<T> of(Path<?> root, FieldDescriptor field) {
        Path<?> path = root;
        for (String attribute : field.path()) {
            path = path.get(attribute);
        }
        return (Path<T>) path;
    }
}
