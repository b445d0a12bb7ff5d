package io.rivulet.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows are plain maps of field name to wire value, in field order. */
public final class Row {

    private Row() {
    }

    /** The visible fields of an entity instance as a row. */
    public static Map<String, Object> of(CollectionDescriptor collection, Object entity) {
        return of(collection, entity, collection.visibleFields());
    }

    public static Map<String, Object> of(CollectionDescriptor collection, Object entity, List<FieldDescriptor> fields) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (FieldDescriptor field : fields) {
            row.put(field.name(), ValueCodec.toWire(field, collection.read(entity, field)));
        }
        return row;
    }
}
