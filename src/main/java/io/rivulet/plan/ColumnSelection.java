package io.rivulet.plan;

import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import java.util.List;
import java.util.Map;

/**
 * Drizzle's {@code columns} rules: unknown keys are ignored; if any known value is true the
 * selection is exactly the true keys, else all fields minus the false keys.
 */
public final class ColumnSelection {

    private ColumnSelection() {
    }

    public static List<FieldDescriptor> select(CollectionDescriptor collection, Map<String, Boolean> columns) {
        List<FieldDescriptor> visible = collection.visibleFields();
        if (columns.isEmpty()) {
            return visible;
        }
        boolean includeMode = visible.stream().anyMatch(f -> Boolean.TRUE.equals(columns.get(f.name())));
        return visible.stream()
                .filter(f -> includeMode ? Boolean.TRUE.equals(columns.get(f.name()))
                        : !Boolean.FALSE.equals(columns.get(f.name())))
                .toList();
    }
}
